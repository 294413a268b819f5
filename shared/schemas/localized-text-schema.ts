import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Institution-supplied text (names, titles): French is required, English optional. */
export const LocalizedTextSchema = z.object({
  fr: z.string().min(1).max(500),
  en: z.string().min(1).max(500).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
