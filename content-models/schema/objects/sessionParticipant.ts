import { UserIcon } from '@sanity/icons/User';
import { defineField, defineType } from 'sanity';
import { checkParticipant } from '../../validation/participants';
import { toValidationResult } from '../lib/issues';
import { roleOptions, roleTitle } from '../lib/options';

/**
 * Someone taking part in a session: a confirmed speaker or, until confirmed, a placeholder label
 * such as "Institución rectora de cooperación 1", with the role they play.
 */
export const sessionParticipant = defineType({
  name: 'sessionParticipant',
  title: 'Participante',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'role',
      title: 'Papel',
      description: 'Qué hace en la sesión: da la bienvenida, presenta, participa en el panel, modera, facilita…',
      type: 'string',
      options: { list: roleOptions },
    }),
    defineField({
      name: 'speaker',
      title: 'Persona',
      description: 'Elige a la persona de la lista de ponentes. Si aún no está confirmada, deja esto vacío y escribe un marcador abajo.',
      type: 'reference',
      to: [{ type: 'speaker' }],
    }),
    defineField({
      name: 'placeholder',
      title: 'Marcador (por confirmar)',
      description:
        'Solo si la persona aún no está confirmada: cómo se anuncia mientras tanto, por ejemplo «Institución rectora de cooperación 1». El sitio lo muestra como «por confirmar». Bórralo cuando elijas a la persona.',
      type: 'localeString',
    }),
    defineField({
      name: 'topic',
      title: 'Tema de su intervención',
      description: 'Opcional. El tema concreto que trata esta persona, si el programa lo indica (por ejemplo «Contexto institucional»).',
      type: 'localeString',
    }),
  ],
  // One rule for the whole participant: whether a speaker or a placeholder is needed depends on both
  // fields, and the site build runs the same check.
  validation: (rule) => rule.custom((value) => toValidationResult(checkParticipant((value ?? {}) as Parameters<typeof checkParticipant>[0]), 'error', value)),
  preview: {
    select: { name: 'speaker.name', placeholder: 'placeholder.es', role: 'role', topic: 'topic.es' },
    prepare: ({ name, placeholder, role, topic }: { name?: string; placeholder?: string; role?: string; topic?: string }) => ({
      title: name || (placeholder ? `${placeholder} (por confirmar)` : 'Participante sin elegir'),
      subtitle: [roleTitle(role), topic].filter(Boolean).join(' · '),
    }),
  },
});
