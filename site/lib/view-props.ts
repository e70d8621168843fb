import type { Lang } from '../../content-models/routes';
import type { Site } from './content/model';

/** What every view and component is given at least: the language it writes in. */
export interface InLanguage {
  lang: Lang;
}

/** What every page view is given, and the components that read the whole site: the read model in the page's language. */
export interface ViewProps extends InLanguage {
  site: Site;
}

/** What a layout is given besides: the page's title and description, for its head. */
export interface LayoutProps extends ViewProps {
  title: string;
  description: string;
}
