import { imageSrcSet, imageUrl } from "../lib/images";

// `sizes` tells the browser how wide the slot is, so that it fetches the
// smallest variant that fills it sharply.
export function ProductImage({
  imageId,
  alt,
  sizes,
  eager = false,
  largest = 960,
}: {
  imageId: string | undefined;
  alt: string;
  sizes: string;
  eager?: boolean;
  largest?: number;
}) {
  if (!imageId) return <div className="image-missing" role="img" aria-label={`${alt}: no picture yet`} />;
  return (
    <img
      src={imageUrl(imageId, 480)}
      srcSet={imageSrcSet(imageId, 160, largest)}
      sizes={sizes}
      alt={alt}
      width={800}
      height={800}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={eager ? "high" : "auto"}
    />
  );
}
