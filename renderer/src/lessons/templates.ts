/** The lesson templates shipped in templates/, loaded and checked once when the app starts. */
import { loadTemplates } from '../../../shared/templates/template';

const files = import.meta.glob('../../../templates/*.json', { eager: true, import: 'default' });

export const lessonLibrary = loadTemplates(
  Object.entries(files).map(([path, content]) => ({ name: path.split('/').pop() ?? path, content })),
);
