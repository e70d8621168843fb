/**
 * Up to two initials of a name, for the avatar shown when a speaker has no photo.
 * @example initials('María Belén Bogado') // 'MB'
 */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => Array.from(part)[0]?.toLocaleUpperCase() ?? '');
  return letters.slice(0, 2).join('');
}
