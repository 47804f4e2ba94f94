/** "3 March 2026" (UTC), or the text as given when it is not a date. */
export function formatDate(value: string | undefined): string {
  if (!value) return 'an unknown date';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
