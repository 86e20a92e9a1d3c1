import { createRequire } from 'node:module';

/**
 * The font of every PDF the server writes. The PDF standard fonts (Helvetica) only cover Western
 * European letters, so names such as "Şêrîn Doğan", "Đurić" or "Олена Шевченко" would come out
 * garbled. DejaVu Sans (from the npm package `dejavu-fonts-ttf`, free licence) covers Latin with
 * every extension, Greek, Cyrillic and Arabic. Registered once, on the first PDF.
 */
export const PDF_FONT = 'EidorSans';
export const PDF_FONT_BOLD = 'EidorSans-Bold';

type FontApi = { register(input: { family: string; src: string }): void; registerHyphenationCallback(cb: (word: string) => string[]): void };

let registered = false;
export function registerPdfFonts(Font: FontApi): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  Font.register({ family: PDF_FONT, src: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf') });
  Font.register({ family: PDF_FONT_BOLD, src: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf') });
  // Names and Norwegian compound words are not split with hyphens.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
