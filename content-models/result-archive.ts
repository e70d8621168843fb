import { z } from 'zod';
import { blocks, fileAsset, isoDate, nullableArray, optionalText, text } from './result';
import { PRODUCT_STATUSES } from './schema/lib/options';

/**
 * Issue #20: the shape of what the event leaves behind in `siteQuery`'s result (the report, the
 * workshop's products, the asynchronous activities), checked like the rest in
 * site/lib/content/check.ts. The report and the products are optional documents: absent, their
 * pages say what will appear there.
 */

export const productStatuses = PRODUCT_STATUSES;

export const rawReport = z
  .object({ _id: z.string(), body: blocks })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const rawProducts = z
  .object({
    _id: z.string(),
    items: nullableArray(
      z.object({
        _key: z.string().nullable().optional(),
        title: text,
        status: z
          .enum(productStatuses, { error: `el estado debe ser uno de: ${productStatuses.join(', ')}` })
          .nullable()
          .optional()
          .transform((v) => v ?? null),
        body: blocks,
        url: z
          .string()
          .nullable()
          .optional()
          .transform((v) => v?.trim() || null),
        file: fileAsset,
      }),
    ),
  })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const optionalDate = isoDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const rawAsyncActivity = z.object({
  _id: z.string(),
  title: text,
  description: optionalText,
  startDate: optionalDate,
  endDate: optionalDate,
  afterDay: optionalDate,
  url: z
    .string()
    .nullable()
    .optional()
    .transform((v) => v?.trim() || null),
  order: z
    .number()
    .nullable()
    .optional()
    .transform((v) => v ?? 0),
});

export type RawReport = z.output<typeof rawReport>;
export type RawProducts = z.output<typeof rawProducts>;
export type RawProduct = NonNullable<RawProducts>['items'][number];
export type RawAsyncActivity = z.output<typeof rawAsyncActivity>;
