import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { checkBlobName, SHA256_HEX, type BlobStore } from './blobStore.ts';

/** Where an S3 store keeps its blobs. */
export interface S3Location {
  readonly bucket: string;
  /** Key prefix inside the bucket (e.g. `motcua/files/`), empty for the bucket's root. */
  readonly prefix: string;
  /** An S3-compatible server (MinIO, Ceph, a provider's endpoint); AWS when absent. */
  readonly endpoint?: string;
  readonly region: string;
}

/** Whether an SDK error means "no such object". */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Blobs as objects of an S3-compatible bucket, keyed `<prefix><sha256>`. A PUT is atomic and
 * durable when it answers, so no temporary object is needed. Credentials come from the SDK's
 * usual chain (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, profiles, instance roles).
 */
export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;

  constructor(readonly location: S3Location) {
    this.description = `s3://${location.bucket}/${location.prefix}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
    this.client = new S3Client({
      region: location.region,
      ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
      // Other S3-compatible servers do not all know the SDK's newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string): string {
    return `${this.location.prefix}${checkBlobName(sha256)}`;
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    // Written again even when present: the object's LastModified is the age the collector reads.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.location.bucket,
        Key: this.key(sha256),
        Body: bytes,
        ContentLength: bytes.byteLength,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    try {
      const r = await this.client.send(
        new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }),
      );
      return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }),
      );
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }),
    );
  }

  async *list(): AsyncIterable<{ sha256: string; modifiedAt: number }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.location.bucket,
          Prefix: this.location.prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const o of page.Contents ?? []) {
        const name = (o.Key ?? '').slice(this.location.prefix.length);
        if (SHA256_HEX.test(name))
          yield { sha256: name, modifiedAt: o.LastModified?.getTime() ?? 0 };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Close the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }
}
