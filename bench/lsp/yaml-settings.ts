/**
 * What an editor with Red Hat's YAML extension answers to yaml-language-server's
 * `workspace/configuration` requests: the `yaml` section (with the given `yaml.schemas`
 * associations) and the other sections it pulls. Used by the benchmark and by
 * test/editors/yaml-language-server.test.ts.
 */
export function yamlLanguageServerSettings(section: string | undefined, schemas: Readonly<Record<string, string>>): unknown {
  switch (section) {
    case 'yaml':
      return {
        validate: true,
        completion: true,
        hover: true,
        schemas,
        // Both would download catalogs from the network.
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
      };
    case 'http':
    case 'editor':
    case '[yaml]':
      return {};
    default:
      return null;
  }
}
