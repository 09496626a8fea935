import type { ImageInfo } from '../images';
import { COMMUNITY_IMAGES } from './community';
import { OFFICIAL_IMAGES } from './official';

/** Every image the simulated registry serves. */
export const CATALOG: readonly ImageInfo[] = [...OFFICIAL_IMAGES, ...COMMUNITY_IMAGES];
