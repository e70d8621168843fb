import type { Lang } from '../../content-models/routes';
import type { Site } from './content/model';

/** What every page view is given, and the components that read the whole site: the read model in the page's language. */
export interface ViewProps {
  site: Site;
  lang: Lang;
}

/** What a layout is given besides: the page's title and description, for its head. */
export interface LayoutProps extends ViewProps {
  title: string;
  description: string;
}
