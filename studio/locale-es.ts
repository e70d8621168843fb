/**
 * Corrections to Sanity's Spanish locale (@sanity/locale-es-es) for what our editors see: it builds
 * titles such as «Nuevo {{schemaType}}», which reads «Nuevo Sesión» for our feminine type names, and
 * it leaves some strings of Sanity 6 in English («Field actions»). Registered after the locale, so
 * these win; each key is one Sanity defines in the same namespace.
 */
import { defineLocaleResourceBundle } from 'sanity';

/** Sanity's locale id for Spanish (the one `esESLocale()` registers). */
const LOCALE = 'es-ES';

/**
 * Titles that name a document type: written so that they agree with any type's gender
 * («Sesión», «Ponente», «Institución»).
 */
export const structureStrings: Record<string, string> = {
  'browser-document-title.new-document': '{{schemaType}}: documento nuevo',
  'panes.document-header-title.new.text': '{{schemaType}}: documento nuevo',
  'action.unpublish.disabled.already-unpublished': 'Este documento ya está marcado para despublicarse',
  'banners.obsolete-draft.actions.compare-draft.tooltip': 'El documento publicado no existe, así que este borrador no se puede comparar.',
  'compare-version.error.loadVersions.title': 'No se pudieron cargar las versiones',
  'confirm-delete-dialog.confirm-anyway-button.text_delete_one': 'Eliminar de todos modos',
  'confirm-delete-dialog.confirm-anyway-button.text_delete_other': 'Eliminar todas las versiones de todos modos',
  'confirm-delete-dialog.confirm-button.text_delete_one': 'Eliminar el documento',
  'confirm-delete-dialog.confirm-button.text_delete_other': 'Eliminar todas las versiones',
  'confirm-delete-dialog.confirmation.text_delete_one': '¿Seguro que quieres eliminar este documento?',
  'confirm-delete-dialog.confirmation.text_delete_other': '¿Seguro que quieres eliminar todas las versiones de este documento?',
  'panes.document-list-pane.error.max-retries-attempted': 'No se reintenta automáticamente después de {{count}} intentos fallidos.',
};

/** Strings of the form and the document status that the Spanish locale leaves in English. */
export const studioStrings: Record<string, string> = {
  'form.field.actions-menu.title': 'Acciones del campo',
  'document-status.published-at': 'Publicado {{date}}',
  'document-group-inventory.action.manage-versions': 'Gestionar versiones',
  'inputs.portable-text.unknown-value.annotation': 'Anotación no definida en el esquema: {{name}}',
  'inputs.portable-text.unknown-value.list-item': 'Tipo de lista no definido en el esquema: {{name}}',
  'inputs.portable-text.unknown-value.mark': 'Marca no definida en el esquema: {{name}}',
  'inputs.portable-text.unknown-value.style': 'Estilo no definido en el esquema: {{name}}',
};

/** The bundles to list in `i18n.bundles` of the Studio configuration. */
export const spanishCorrections = [
  defineLocaleResourceBundle({ locale: LOCALE, namespace: 'structure', resources: structureStrings }),
  defineLocaleResourceBundle({ locale: LOCALE, namespace: 'studio', resources: studioStrings }),
];
