export type SchemaData =
  | { readonly rule: 'schema'; readonly kind: 'unknown-key'; readonly key: string; readonly suggestion?: string }
  | { readonly rule: 'schema'; readonly kind: 'invalid-value'; readonly allowed?: readonly string[] }
  | { readonly rule: 'schema'; readonly kind: 'missing-key'; readonly key: string };
