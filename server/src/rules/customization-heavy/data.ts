export interface CustomizationHeavyData {
  readonly rule: 'customization-heavy';
  /** Total working days of `customization` tasks. */
  readonly customizationDays: number;
  /** Total working days of `configuration` tasks. */
  readonly configurationDays: number;
  /** Ids of the customization tasks, largest first. */
  readonly customizationTasks: readonly string[];
}
