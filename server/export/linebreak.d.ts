/** linebreak (UAX #14, Devon Govett; the line breaker pdfkit itself uses) ships no types. */
declare module 'linebreak' {
  interface Break {
    /** UTF-16 index where a line may start. */
    position: number;
    /** A mandatory break (after a newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
