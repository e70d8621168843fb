import { defineField } from 'sanity';

/**
 * An optional logo image (the event's, an institution's). No alternative text field: the site
 * always prints the name beside the logo, so the image is decorative there (`alt=""`).
 */
export function logoField(options: { description: string }) {
  return defineField({
    name: 'logo',
    title: 'Logotipo',
    description: options.description,
    type: 'image',
    options: { accept: 'image/svg+xml,image/png,image/webp' },
  });
}
