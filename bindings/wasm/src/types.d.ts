/** Options of `SeizureTable.fromCsv` (the core's `ReadSpec`: `columns`, `unit`, `calendar`, ...; plus `fileName`, `keepUnknown`, `mapping`). */
export interface ReadOptions {
  lenient?: boolean;
  /** a word of `vocabulary().input_formats` (detected from the header when absent) */
  format?: string;
  /** ISO alpha-3 or name, for rows that name no country */
  country?: string;
  fileName?: string;
  /** keep unknown substance names as "Unclassified" instead of rejecting the row */
  keepUnknown?: boolean;
  /** a word of `vocabulary().missing` */
  missing?: string;
  delimiter?: string;
  /** the column of a role, when the header does not say it: `{drug: "Drug Type", quantity: "Qty"}`;
   *  roles from `vocabulary().column_roles`, the roles not given are detected */
  columns?: Record<string, string>;
  /** the unit of quantities written without one (no unit column, no unit in the header), e.g. "kg" */
  unit?: string;
  /** the calendar of date cells: "gregorian" (default) or "solar-hijri" (1399/12/30) */
  calendar?: string;
  /** a full column mapping for tables of no known layout (the older form; prefer `columns`) */
  mapping?: { substance: string; quantity: string; unit?: string; default_unit?: string; date?: string; year?: string;
    country?: string; province?: string; locality?: string; agency?: string; seizures?: string; origin?: string; destination?: string };
}
/** Options of queries (the core's `QuerySpec`; camelCase or snake_case). Words come from `vocabulary()`. */
export interface QueryOptions {
  /** dimensions: "drug,year" or ["drug", "year"] */
  by?: string | string[];
  where?: Record<string, string | number | (string | number)[]> | string;
  period?: string | number;
  vs?: string | number;
  spanRule?: "separate" | "by-start" | "by-end";
  fiscalStart?: number;
  n?: number;
  within?: string | string[];
  /** mass, volume, seizures, records, count or a kind of counted item */
  measure?: string;
  /** the unit of results (kg, lb, t, g, l, ...) */
  unit?: string;
  basis?: string;
  factors?: Record<string, string | number>;
  /** bulletins only: text, markdown, html, json */
  format?: "text" | "markdown" | "html" | "json";
}
/** Where the input rows of one aggregation went. */
export interface Accounting { rows: number; filtered_out: number; outside_period: number; straddling_period: number;
  aggregated: number; unattributed: number; without_quantity: number }
/** A result: column names, rows keyed by column (numbers, booleans, labels), notes and accounting. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
  /** a drug filter that matched only a non-specified bucket, or nothing (a small figure is no answer) */
  warnings: string[];
  /** which drugs a drug filter covered, the periods compared, gaps */
  notes: string[];
  /** the aggregation's (a comparison's current period's) */
  accounting?: Accounting;
  /** a comparison's previous period's */
  previousAccounting?: Accounting;
  /** the accounting in sentences, when some rows were not added */
  accountingText: string[];
}
/** Every word list of the core's vocabulary. */
export interface Vocabulary { dimensions: string[]; granularities: string[]; span_rules: string[]; measures: string[];
  units: string[]; count_units: string[]; output_formats: string[]; bulletin_formats: string[]; bases: string[];
  input_formats: string[]; missing: string[]; modes: string[]; resolutions: string[]; column_roles: string[]; calendars: string[] }
/** One drug of the taxonomy. */
export interface DrugEntry { group: string; family: string; drug: string; slug: string; names: string[] }
/** What a filter word matches. */
export interface WordMatch { word: string; level: "group" | "family" | "drug"; name: string; drugs: string[] }
