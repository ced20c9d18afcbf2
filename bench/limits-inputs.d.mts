/** Each hostile input of the limits benchmark, by name: a function that makes its text. */
export declare const LIMIT_INPUTS: Readonly<Record<'a 50 MB file' | 'a 10,000-level nesting' | 'a billion-laughs document' | 'a 3,000,000-element flow sequence', () => string>>;
