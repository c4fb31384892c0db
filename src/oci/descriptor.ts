// The one descriptor type of the codebase (image-spec descriptor.md): what every manifest, index,
// referrer and layer entry points at, from the layout, the registry and the signing steps alike.

/** image-spec image-index.md, "platform". */
export interface Platform {
  os: string
  architecture: string
  variant?: string
  'os.version'?: string
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
  platform?: Platform
}

/** `os/architecture[/variant]`, or undefined when the descriptor names no platform. */
export function platformName(descriptor: Pick<Descriptor, 'platform'>): string | undefined {
  const platform = descriptor.platform
  if (!platform?.os || !platform.architecture) return undefined
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}

/** A copy with only the three fields a `subject` or `config` descriptor carries. */
export function plainDescriptor(descriptor: Pick<Descriptor, 'mediaType' | 'digest' | 'size'>): Descriptor {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }
}
