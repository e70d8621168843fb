/**
 * The input of time zone fields: Sanity's own text input, plus the member countries' zones as
 * browser suggestions (`<datalist>`). A `options.list` would turn the field into a closed menu,
 * and any IANA zone must remain possible; the validation, not the input, decides what is valid.
 *
 * Written with `createElement` rather than JSX so that `content-models/` needs no JSX settings.
 */
import { createElement, Fragment, type ReactElement } from 'react';
import type { StringInputProps } from 'sanity';
import { timeZoneSuggestions } from './options';

export function TimeZoneInput(props: StringInputProps): ReactElement {
  const listId = `${props.elementProps.id}-zonas-horarias`;
  // `list` ties the text input to the suggestions; Sanity passes element props through to <input>.
  const elementProps = { ...props.elementProps, list: listId };
  return createElement(
    Fragment,
    null,
    props.renderDefault({ ...props, elementProps }),
    createElement(
      'datalist',
      { id: listId },
      timeZoneSuggestions.map((zone) => createElement('option', { key: zone.value, value: zone.value, label: zone.title })),
    ),
  );
}
