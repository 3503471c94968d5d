const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values in the HTML report: everything from the run is escaped. */
export const escapeHtml = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
