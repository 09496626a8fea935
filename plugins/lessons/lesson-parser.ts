import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** How lessons are read everywhere: MDX with YAML front matter. */
export const lessonParser = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
