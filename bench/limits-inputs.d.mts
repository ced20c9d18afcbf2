/** Each hostile input of the limits benchmark, by name: a function that makes its text. */
export declare const LIMIT_INPUTS: Readonly<Record<'a 50 MB file' | 'a 10,000-level nesting' | 'a billion-laughs document' | 'a 3,000,000-element flow sequence' | 'a 750,000-line list' | '100 lists of 9,999 items', () => string>>;
