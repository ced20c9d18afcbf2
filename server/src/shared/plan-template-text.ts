/** A template's text and where its `plan.name` and `plan.start` values are (offsets into `text`). */
export interface TemplateText {
  readonly id: string;
  /** What the pickers show: `Minimal plan`. */
  readonly title: string;
  /** One line: what the template is for. */
  readonly about: string;
  /** docs/sources.md#section: the roadmap it is drawn from. */
  readonly source: string;
  readonly text: string;
  readonly name: { readonly start: number; readonly end: number };
  readonly start: { readonly start: number; readonly end: number };
}
