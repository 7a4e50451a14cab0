import { describe, expect, it } from 'vitest';
import { exportDate } from '../../server/export/exportDate.js';

describe('the date on an export, as the reader of its language writes it', () => {
  const day = new Date(Date.UTC(2026, 2, 4, 23, 30));

  it('names the month in each of the six languages, with Western digits in Arabic as UN documents do', () => {
    expect(exportDate(day, 'en')).toBe('March 4, 2026');
    expect(exportDate(day, 'fr')).toBe('4 mars 2026');
    expect(exportDate(day, 'es')).toBe('4 de marzo de 2026');
    expect(exportDate(day, 'ru')).toBe('4 марта 2026 г.');
    expect(exportDate(day, 'zh')).toBe('2026年3月4日');
    expect(exportDate(day, 'ar')).toMatch(/^4 مارس 2026$/);
  });

  it('is the UTC day, whatever the server’s time zone', () => {
    // 23:30 UTC on 4 March is already 5 March east of Greenwich: the export says the 4th everywhere.
    expect(exportDate(day, 'en')).toContain('4');
    expect(exportDate(new Date(Date.UTC(2026, 2, 5, 0, 30)), 'en')).toBe('March 5, 2026');
  });
});
