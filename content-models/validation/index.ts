/**
 * The content rules, as pure functions: the Studio wires them into its validation and the site
 * build runs the same functions over the dataset, so both refuse the same mistakes with the same
 * Spanish messages. Nothing here imports Sanity.
 */
export * from './channels';
export * from './collections';
export * from './event';
export * from './followUp';
export * from './languages';
export * from './links';
export * from './participants';
export * from './privateLinks';
export * from './results';
export * from './sessionSchedule';
export * from './sessionTiming';
export * from './speakers';
export * from './types';
