/**
 * Vietnamese text without its diacritics, "đ" as "d" (case kept): "Nguyễn Văn Đức" →
 * "Nguyen Van Duc", for searches that ignore how an officer or a citizen typed the accents.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
