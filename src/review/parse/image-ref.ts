/** An image reference split into name, tag and digest (`registry:5000/app:1.2@sha256:…`). */
export interface ImageRef {
  /** Without tag and digest; a registry port stays part of it. */
  name: string;
  /** The text after the tag colon (possibly empty), or null when there is no tag. */
  tag: string | null;
  /** The text after `@`, or null. */
  digest: string | null;
}

export function splitImageRef(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = noDigest.lastIndexOf(':');
  // A colon before the last slash is a registry port, not a tag.
  if (colon <= noDigest.lastIndexOf('/')) return { name: noDigest, tag: null, digest };
  return { name: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1), digest };
}
