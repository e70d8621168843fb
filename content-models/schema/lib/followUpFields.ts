import { defineArrayMember, defineField } from 'sanity';
import { isSafeHref, unsafeHrefMessage } from '../../validation/links';

/**
 * The session fields of its life around and after its time (issue #20): recordings, the Q&A room
 * shown while it runs, the feedback form shown once it has ended. The build runs the same rules
 * (content-models/validation/followUp.ts).
 */
/** An optional address of a session (Q&A, feedback): the same safe-address rule as every link. */
function followUpUrlField(name: 'qaUrl' | 'feedbackUrl', title: string, description: string) {
  return defineField({
    name,
    title,
    description,
    // A string, not Sanity's `url` type: see `blockContent`'s link for why.
    type: 'string',
    validation: (rule) => rule.custom<string>((url) => (url === undefined || url === '' || isSafeHref(url) ? true : unsafeHrefMessage(url))),
  });
}

export const followUpFields = [
  defineField({
    name: 'recordings',
    title: 'Grabaciones',
    description:
      'Opcional. Las grabaciones de la sesión, cuando existan: una por idioma si hay versión interpretada. Las de YouTube y Vimeo se reproducen en la página de la sesión solo cuando el lector lo pide.',
    type: 'array',
    of: [defineArrayMember({ type: 'recording' })],
  }),
  followUpUrlField(
    'qaUrl',
    'Preguntas del público (durante la sesión)',
    'Opcional. La dirección de la sala de preguntas (Slido, Mentimeter, un formulario…). El sitio la muestra mientras la sesión está en curso. Debe empezar por https://.',
  ),
  followUpUrlField(
    'feedbackUrl',
    'Encuesta de valoración (después de la sesión)',
    'Opcional. La dirección del formulario para valorar la sesión. El sitio la muestra cuando la sesión ha terminado. Debe empezar por https://.',
  ),
];
