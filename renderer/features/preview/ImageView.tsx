/**
 * PNG, JPEG, GIF, WebP and SVG, always through an `<img>` from a blob URL: an SVG drawn as
 * an image runs no script and loads nothing. Fitted to the dialog unless zoomed; the URL is
 * revoked when the image goes.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AttachmentFile } from '../../../shared/api/attachments';
import type { ZoomProps } from './view-props';

/** Room kept around a fitted image. */
const FIT_MARGIN = 32;

function useBlobUrl(file: AttachmentFile): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const type = file.kind === 'svg' ? 'image/svg+xml' : file.mediaType.split(';', 1)[0]!;
    const next = URL.createObjectURL(new Blob([file.bytes.slice()], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}

export function ImageView({ file, title, scale, onFitScale }: { file: AttachmentFile; title: string } & ZoomProps) {
  const url = useBlobUrl(file);
  const stage = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);

  useLayoutEffect(() => {
    const element = stage.current;
    if (element === null || natural === null) return;
    const fit = () => {
      const width = Math.max(1, element.clientWidth - FIT_MARGIN);
      const height = Math.max(1, element.clientHeight - FIT_MARGIN);
      // Small images stay at their size; large ones shrink to the dialog.
      onFitScale(Math.min(1, width / natural.width, height / natural.height));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [natural, onFitScale]);

  if (failed) {
    return <p className="preview-message">This image could not be decoded: it may be damaged or in a variant the browser cannot draw. Save it to try another viewer.</p>;
  }
  return (
    <div ref={stage} className="preview-scroll preview-image-stage">
      {url !== null && (
        <img
          src={url}
          alt={`Preview of ${title}`}
          className="preview-image"
          style={natural === null ? { visibility: 'hidden' } : { width: natural.width * scale, height: natural.height * scale }}
          onLoad={(event) => {
            const image = event.currentTarget;
            // An SVG without a size of its own reports 0: give it a page-sized box.
            setNatural({ width: image.naturalWidth || 800, height: image.naturalHeight || 600 });
          }}
          onError={() => setFailed(true)}
          draggable={false}
        />
      )}
    </div>
  );
}
