/**
 * Slugs for addresses: lower case, accents dropped, words joined by hyphens, so "Mesa de reflexión 1"
 * becomes `mesa-de-reflexion-1` (Sanity's default keeps the accents).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 96)
    .replace(/-+$/u, '');
}
