// The locate/splice layer, text in and text out: each edge case of issue 7 as an exact expected file.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseAllDocuments } from 'yaml'
import { parseReference } from '../../src/oci/reference.js'
import { DeployError } from '../../src/gitops/errors.js'
import { locateReferences } from '../../src/gitops/locate.js'
import {
  applyEdits,
  assertOnlyIntendedChanges,
  pinnedReference,
  spliceImageReferences,
  type SpliceResult
} from '../../src/gitops/splice.js'

const IMAGE = '127.0.0.1:5000/team/app'
const DIGEST = `sha256:${'d'.repeat(64)}`
const OLD = `sha256:${'0'.repeat(64)}`

function pin(text: string, options: { image?: string; tag?: string; file?: string } = {}): SpliceResult {
  return spliceImageReferences(
    text,
    parseReference(options.image ?? IMAGE),
    { digest: DIGEST, tag: options.tag },
    options.file ?? 'deploy.yaml'
  )
}

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`

test('a plain container image gets the digest and the release tag, and nothing else changes', () => {
  const text = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: ${IMAGE}:1.0`,
    '',
    '          ports: [80]'
  )
  const result = pin(text, { tag: '1.1' })
  assert.equal(result.text, text.replace(`${IMAGE}:1.0`, `${IMAGE}:1.1@${DIGEST}`))
  assert.deepEqual(result.changes, [{ line: 8, from: `${IMAGE}:1.0`, to: `${IMAGE}:1.1@${DIGEST}` }])
  assert.equal(result.references, 1)
})

test('the old tag never stays beside a new digest: the release tag replaces it, or it is dropped', () => {
  const text = lines(
    'containers:',
    `- image: ${IMAGE}:old`,
    `- image: ${IMAGE}:old@${OLD}`,
    `- image: ${IMAGE}`,
    `- image: ${IMAGE}@${OLD}`,
    `- image: ${IMAGE}:v1@${DIGEST}`
  )
  // No release tag: no tag, except beside the digest it already pinned.
  assert.equal(
    pin(text).text,
    lines(
      'containers:',
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}:v1@${DIGEST}`
    )
  )
  // The release's tag wherever a tag was written; a reference written without one gets none.
  assert.equal(
    pin(text, { tag: 'v2' }).text,
    lines(
      'containers:',
      `- image: ${IMAGE}:v2@${DIGEST}`,
      `- image: ${IMAGE}:v2@${DIGEST}`,
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}@${DIGEST}`,
      `- image: ${IMAGE}:v2@${DIGEST}`
    )
  )
})

test('quoted values keep their quotes and their trailing comments', () => {
  const text = lines(
    'containers:',
    `- image: "${IMAGE}:1.0"   # pinned by hand`,
    `- image: '${IMAGE}'  # another`,
    `- image: "${IMAGE}:1.0" #no space`
  )
  const result = pin(text)
  assert.equal(
    result.text,
    lines(
      'containers:',
      `- image: "${IMAGE}@${DIGEST}"   # pinned by hand`,
      `- image: '${IMAGE}@${DIGEST}'  # another`,
      `- image: "${IMAGE}@${DIGEST}" #no space`
    )
  )
})

test('a tag and an old digest are both replaced: by the release tag when given, else the tag is dropped', () => {
  const text = lines('containers:', `- image: ${IMAGE}:1.0@${OLD}`, `- image: ${IMAGE}@${OLD}`)
  assert.equal(pin(text).text, lines('containers:', `- image: ${IMAGE}@${DIGEST}`, `- image: ${IMAGE}@${DIGEST}`))
  assert.equal(pin(text, { tag: '2.0' }).text, lines('containers:', `- image: ${IMAGE}:2.0@${DIGEST}`, `- image: ${IMAGE}@${DIGEST}`))
})

test('flow-style containers keep their flow style', () => {
  const text = lines(
    'spec:',
    `  containers: [{name: app, image: ${IMAGE}:1.0}, {name: side, image: busybox}]`,
    `  initContainers: [ { image: "${IMAGE}" } ]`
  )
  assert.equal(
    pin(text).text,
    lines(
      'spec:',
      `  containers: [{name: app, image: ${IMAGE}@${DIGEST}}, {name: side, image: busybox}]`,
      `  initContainers: [ { image: "${IMAGE}@${DIGEST}" } ]`
    )
  )
})

test('prefix-named images, other ports and other registries are untouched', () => {
  const text = lines(
    'containers:',
    `- image: ${IMAGE}-canary:1.0`,
    `- image: ${IMAGE}/sidecar:1.0`,
    '- image: 127.0.0.1:5001/team/app:1.0',
    '- image: 127.0.0.1/team/app:1.0',
    '- image: docker.io/team/app:1.0',
    `- image: ${IMAGE}:1.0`
  )
  const result = pin(text)
  assert.deepEqual(result.changes, [{ line: 7, from: `${IMAGE}:1.0`, to: `${IMAGE}@${DIGEST}` }])
  assert.equal(result.text, text.replace(`- image: ${IMAGE}:1.0\n`, `- image: ${IMAGE}@${DIGEST}\n`))
})

test('Docker normalization: nginx, library/nginx and docker.io/library/nginx are one repository, kept as written', () => {
  const text = lines(
    'containers:',
    '- image: nginx:1.27',
    '- image: library/nginx',
    '- image: docker.io/library/nginx:1.27',
    '- image: index.docker.io/library/nginx',
    '- image: nginx-unprivileged',
    '- image: myorg/nginx'
  )
  const result = pin(text, { image: 'nginx', tag: '1.28' })
  assert.equal(
    result.text,
    lines(
      'containers:',
      `- image: nginx:1.28@${DIGEST}`,
      `- image: library/nginx@${DIGEST}`,
      `- image: docker.io/library/nginx:1.28@${DIGEST}`,
      `- image: index.docker.io/library/nginx@${DIGEST}`,
      '- image: nginx-unprivileged',
      '- image: myorg/nginx'
    )
  )
})

test('CronJob jobTemplate containers and initContainers are found at any depth', () => {
  const text = lines(
    'apiVersion: batch/v1',
    'kind: CronJob',
    'spec:',
    '  schedule: "0 * * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          initContainers:',
    `            - image: ${IMAGE}:1.0`,
    '          containers:',
    `            - image: ${IMAGE}:1.0 # main`,
    '          ephemeralContainers:',
    `            - image: ${IMAGE}:debug`
  )
  const result = pin(text)
  assert.deepEqual(
    result.changes.map((c) => c.line),
    [10, 12, 14]
  )
  assert.equal(result.text, text.replaceAll(`${IMAGE}:1.0`, `${IMAGE}@${DIGEST}`).replace(`${IMAGE}:debug`, `${IMAGE}@${DIGEST}`))
})

test('an Argo Rollout and a CRD with a pod template are patched; a Flux ImageRepository spec.image is not a container', () => {
  const text = lines(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Rollout',
    'spec:',
    '  strategy: {canary: {steps: [{setWeight: 20}]}}',
    '  template:',
    '    spec:',
    '      containers:',
    `      - image: ${IMAGE}:1.0`,
    '---',
    'apiVersion: image.toolkit.fluxcd.io/v1beta2',
    'kind: ImageRepository',
    'spec:',
    `  image: ${IMAGE}`
  )
  const result = pin(text)
  assert.deepEqual(result.changes, [{ line: 8, from: `${IMAGE}:1.0`, to: `${IMAGE}@${DIGEST}` }])
})

test('kustomization images: the matching entry gets digest: and loses its old newTag, the neighbouring entry is untouched', () => {
  const text = lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'images:',
    `  - name: ${IMAGE}-canary`,
    '    newTag: "1.0"',
    `  - name: ${IMAGE}`,
    '    newTag: "1.0"  # release',
    '',
    '  - name: upstream/app',
    `    newName: ${IMAGE}`,
    `    digest: ${OLD}`,
    `  - {name: ${IMAGE}-other, newTag: v1}`,
    `  - {name: x, newName: '${IMAGE}'}`
  )
  const result = pin(text, { file: 'overlays/prod/kustomization.yaml' })
  assert.equal(
    result.text,
    lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'images:',
      `  - name: ${IMAGE}-canary`,
      '    newTag: "1.0"',
      `  - name: ${IMAGE}`,
      `    digest: ${DIGEST}`,
      '',
      '  - name: upstream/app',
      `    newName: ${IMAGE}`,
      `    digest: ${DIGEST}`,
      `  - {name: ${IMAGE}-other, newTag: v1}`,
      `  - {name: x, newName: '${IMAGE}', digest: ${DIGEST}}`
    )
  )
})

test('a kustomization entry keeps newTag in step with the release tag', () => {
  const text = lines('images:', `- name: ${IMAGE}`, '  newTag: 1.10')
  // A plain 2.0 would read back as a number, so it is quoted.
  assert.equal(
    pin(text, { tag: '2.0', file: 'kustomization.yaml' }).text,
    lines('images:', `- name: ${IMAGE}`, '  newTag: "2.0"', `  digest: ${DIGEST}`)
  )
})

test('without a release tag newTag is dropped and digest kept, so kustomize renders name@digest; in every style', () => {
  const kustomize = (...rows: string[]): SpliceResult => pin(lines('images:', ...rows), { file: 'kustomization.yaml' })
  // Block style: the newTag line goes, with its comment; the digest is replaced or added.
  const block = kustomize(`- name: ${IMAGE}`, '  newTag: v1 # old', `  digest: ${OLD}`, '- name: other', '  newTag: v1')
  assert.equal(block.text, lines('images:', `- name: ${IMAGE}`, `  digest: ${DIGEST}`, '- name: other', '  newTag: v1'))
  assert.deepEqual(block.changes, [
    { line: 3, from: 'v1', to: '' },
    { line: 4, from: OLD, to: DIGEST }
  ])
  assert.equal(
    kustomize(`- name: ${IMAGE}`, '  newTag: v1', 'resources: []').text,
    lines('images:', `- name: ${IMAGE}`, `  digest: ${DIGEST}`, 'resources: []')
  )
  // Flow style: the pair and one comma go, wherever it stands.
  assert.equal(kustomize(`- {name: ${IMAGE}, newTag: v1}`).text, lines('images:', `- {name: ${IMAGE}, digest: ${DIGEST}}`))
  assert.equal(kustomize(`- {newTag: "v1", name: ${IMAGE}}`).text, lines('images:', `- {name: ${IMAGE}, digest: ${DIGEST}}`))
  assert.equal(
    kustomize(`- { name: ${IMAGE} ,  newTag: v1 , digest: ${OLD} }`).text,
    lines('images:', `- { name: ${IMAGE} , digest: ${DIGEST} }`)
  )
  // Where the pair cannot go without touching other bytes, newTag is emptied: kustomize reads "" as no newTag.
  assert.equal(
    kustomize('- newTag: v1', `  name: ${IMAGE}`).text,
    lines('images:', '- newTag: ""', `  name: ${IMAGE}`, `  digest: ${DIGEST}`)
  )
  assert.equal(
    kustomize(`- name: ${IMAGE}`, '  newTag: &tag v1', 'other: *tag').text,
    lines('images:', `- name: ${IMAGE}`, '  newTag: &tag ""', `  digest: ${DIGEST}`, 'other: *tag')
  )
  assert.equal(
    kustomize(`- {name: ${IMAGE},`, '   newTag: v1}').text,
    lines('images:', `- {name: ${IMAGE},`, `   newTag: "", digest: ${DIGEST}}`)
  )
  // Beside the digest it already pinned the tag stays; an empty newTag names nothing and stays too.
  const pinned = lines('images:', `- name: ${IMAGE}`, '  newTag: v1', `  digest: ${DIGEST}`)
  assert.deepEqual(pin(pinned, { file: 'kustomization.yaml' }).changes, [])
  assert.equal(
    kustomize(`- name: ${IMAGE}`, "  newTag: ''").text,
    lines('images:', `- name: ${IMAGE}`, "  newTag: ''", `  digest: ${DIGEST}`)
  )
  // With a release tag, newTag takes it even beside the same digest.
  assert.equal(pin(pinned, { file: 'kustomization.yaml', tag: 'v2' }).text, pinned.replace('newTag: v1', 'newTag: v2'))
})

test('images: in a file that is not a kustomization is not a kustomize entry', () => {
  assert.equal(pin(lines('images:', `- name: ${IMAGE}`), { file: 'values.yaml' }).references, 0)
})

test('CRLF line endings are kept, including in inserted lines', () => {
  const text = ['containers:', `- image: ${IMAGE}:1.0 # c`, ''].join('\r\n')
  assert.equal(pin(text).text, ['containers:', `- image: ${IMAGE}@${DIGEST} # c`, ''].join('\r\n'))
  const kustomization = ['images:', `- name: ${IMAGE}`, '  newTag: v1', 'resources: [a.yaml]', ''].join('\r\n')
  assert.equal(
    pin(kustomization, { file: 'kustomization.yaml', tag: 'v2' }).text,
    ['images:', `- name: ${IMAGE}`, '  newTag: v2', `  digest: ${DIGEST}`, 'resources: [a.yaml]', ''].join('\r\n')
  )
  // The dropped newTag line takes its CRLF with it.
  assert.equal(
    pin(kustomization, { file: 'kustomization.yaml' }).text,
    ['images:', `- name: ${IMAGE}`, `  digest: ${DIGEST}`, 'resources: [a.yaml]', ''].join('\r\n')
  )
})

test('a byte order mark is kept', () => {
  const text = `\uFEFFcontainers:\n- image: ${IMAGE}\n`
  assert.equal(pin(text).text, `\uFEFFcontainers:\n- image: ${IMAGE}@${DIGEST}\n`)
})

test('a ConfigMap holding YAML in a block scalar is text, never a reference', () => {
  const text = lines(
    'kind: ConfigMap',
    'data:',
    '  pod.yaml: |',
    '    containers:',
    `    - image: ${IMAGE}:1.0`,
    '  other: >',
    `    image: ${IMAGE}`
  )
  const result = pin(text)
  assert.equal(result.references, 0)
  assert.equal(result.text, text)
})

test('files with template syntax are skipped whole', () => {
  const text = lines('containers:', `- image: ${IMAGE}:1.0`, '  name: {{ .Values.name }}')
  const result = pin(text)
  assert.match(result.skipped ?? '', /template/)
  assert.equal(result.text, text)
  assert.equal(result.references, 0)
})

test('anchors and aliases: the anchored scalar is patched once and aliases follow it', () => {
  const text = lines(
    'x-image: &image',
    `  ${IMAGE}:1.0 # shared`,
    'spec:',
    '  containers:',
    '  - name: a',
    '    image: *image',
    '  - &second',
    '    name: b',
    `    image: &own "${IMAGE}:1.0"`,
    '  initContainers:',
    '  - *second',
    '  - {image: *own}'
  )
  const result = pin(text, { tag: '1.1' })
  assert.equal(
    result.text,
    text
      .replace(`  ${IMAGE}:1.0 # shared`, `  ${IMAGE}:1.1@${DIGEST} # shared`)
      .replace(`&own "${IMAGE}:1.0"`, `&own "${IMAGE}:1.1@${DIGEST}"`)
  )
  assert.equal(result.changes.length, 2)
  const parsed = parseAllDocuments(result.text)[0].toJS() as {
    spec: { containers: Array<{ image: string }>; initContainers: Array<{ image: string }> }
  }
  assert.equal(parsed.spec.containers[0].image, `${IMAGE}:1.1@${DIGEST}`)
  assert.equal(parsed.spec.initContainers[1].image, `${IMAGE}:1.1@${DIGEST}`)
})

test('multi-document files with comments between documents keep every byte outside the values', () => {
  const text = lines(
    '# leading comment',
    '---',
    'kind: Deployment',
    'spec: {template: {spec: {containers: [{image: ' + IMAGE + '}]}}}',
    '',
    '# between documents',
    '--- # marker comment',
    '',
    'kind: Job',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - image: ${IMAGE}:2 # trailing`,
    '...',
    '# after the end marker',
    '---',
    'kind: Service'
  )
  const result = pin(text)
  assert.equal(result.text, text.replace(`image: ${IMAGE}}`, `image: ${IMAGE}@${DIGEST}}`).replace(`${IMAGE}:2 #`, `${IMAGE}@${DIGEST} #`))
  assert.deepEqual(
    result.changes.map((c) => c.line),
    [4, 14]
  )
})

test('Flux setters: full reference, :tag and :digest markers of a policy that names the image', () => {
  const text = lines(
    'image:',
    `  repository: ${IMAGE} # {"$imagepolicy": "flux-system:app:name"}`,
    '  tag: "1.0" # {"$imagepolicy": "flux-system:app:tag"}',
    'other:',
    '  repository: ghcr.io/x/other # {"$imagepolicy": "flux-system:other:name"}',
    '  tag: 1.0.0 # {"$imagepolicy": "flux-system:other:tag"}',
    `full: ${IMAGE}:1.0 # {"$imagepolicy": "flux-system:app"}`
  )
  assert.equal(
    pin(text, { tag: '1.1' }).text,
    lines(
      'image:',
      `  repository: ${IMAGE} # {"$imagepolicy": "flux-system:app:name"}`,
      `  tag: "1.1@${DIGEST}" # {"$imagepolicy": "flux-system:app:tag"}`,
      'other:',
      '  repository: ghcr.io/x/other # {"$imagepolicy": "flux-system:other:name"}',
      '  tag: 1.0.0 # {"$imagepolicy": "flux-system:other:tag"}',
      `full: ${IMAGE}:1.1@${DIGEST} # {"$imagepolicy": "flux-system:app"}`
    )
  )
})

test('Flux setters without a release tag: a full reference drops its tag; a :tag setter alone is refused, never given tag@new-digest', () => {
  const full = lines(`full: ${IMAGE}:1.0 # {"$imagepolicy": "flux-system:app"}`)
  assert.equal(pin(full).text, lines(`full: ${IMAGE}@${DIGEST} # {"$imagepolicy": "flux-system:app"}`))
  const values = (tag: string): string =>
    lines(
      'image:',
      `  repository: ${IMAGE} # {"$imagepolicy": "flux-system:app:name"}`,
      `  tag: ${tag} # {"$imagepolicy": "flux-system:app:tag"}`
    )
  // The chart writes `repository:tag`, so the field must hold a tag, and the old one names other bytes.
  assert.throws(
    () => pin(values('"1.0"'), { file: 'values.yaml' }),
    (error: unknown) =>
      error instanceof DeployError &&
      error.message.startsWith('refusing to write values.yaml: line 3: the Flux setter "flux-system:app:tag"') &&
      error.message.includes('`1.0`')
  )
  assert.throws(() => pin(values(`"1.0@${OLD}"`)), DeployError)
  // Already pinning this digest, or empty: nothing to write, nothing refused.
  assert.deepEqual(pin(values(`"1.0@${DIGEST}"`)).changes, [])
  assert.deepEqual(pin(values('""')).changes, [])
})

test('Flux setters: with a :digest marker the digest goes there and the tag is the release tag, or empty', () => {
  const values = (tag: string, digest: string): string =>
    lines(
      'image:',
      `  repository: ${IMAGE} # {"$imagepolicy": "apps:app:name"}`,
      `  tag: ${tag} # {"$imagepolicy": "apps:app:tag"}`,
      `  digest: ${digest} # {"$imagepolicy": "apps:app:digest"}`
    )
  assert.equal(pin(values('v1', '""'), { tag: 'v2' }).text, values('v2', `"${DIGEST}"`))
  // No release tag: the old tag would name other bytes, so Helm values get an empty tag (not a removed key, which
  // would let the chart's default tag back in); a chart that takes a digest then renders repository@digest.
  const emptied = pin(values('v1', OLD))
  assert.equal(emptied.text, values('""', DIGEST))
  assert.deepEqual(emptied.changes, [
    { line: 3, from: 'v1', to: '' },
    { line: 4, from: OLD, to: DIGEST }
  ])
  assert.equal(pin(values("'v1'", "''")).text, values("''", `'${DIGEST}'`))
  // Beside the digest it already pinned, the tag stays.
  assert.deepEqual(pin(values('v1', DIGEST)).changes, [])
  assert.equal(pin(values('v1', DIGEST), { tag: 'v2' }).text, values('v2', DIGEST))
})

test('a setter marker inside a block scalar is text', () => {
  const text = lines('script: |', `  IMAGE=${IMAGE}:1 # {"$imagepolicy": "ns:app"}`)
  assert.equal(pin(text).references, 0)
})

test('Helm values without setters are not references', () => {
  const text = lines('image:', `  repository: ${IMAGE}`, '  tag: 1.0')
  assert.equal(pin(text).references, 0)
})

test('a second run finds the references but changes nothing', () => {
  const first = pin(lines('containers:', `- image: ${IMAGE}:1.0`))
  const second = pin(first.text)
  assert.equal(second.references, 1)
  assert.deepEqual(second.changes, [])
  assert.equal(second.text, first.text)
})

test('invalid YAML is skipped, not patched', () => {
  const result = pin(lines('containers:', `- image: ${IMAGE}`, '  bad: [unclosed'))
  assert.match(result.skipped ?? '', /not valid YAML/)
})

test('the re-parse check refuses output that changes anything but the intended values', () => {
  const text = lines('containers:', `- image: ${IMAGE}`, 'replicas: 1')
  const documents = locateReferences(text, parseReference(IMAGE)).documents
  assert.doesNotThrow(() => assertOnlyIntendedChanges(documents, text, 'x.yaml'))
  assert.throws(
    () => assertOnlyIntendedChanges(documents, text.replace('replicas: 1', 'replicas: 2'), 'x.yaml'),
    (error: unknown) => error instanceof DeployError && /x\.yaml.*document 1/.test(error.message)
  )
  assert.throws(() => assertOnlyIntendedChanges(documents, `${text}---\na: 1\n`, 'x.yaml'), /number of YAML documents/)
})

test('the re-parse check compares aliases, anchors and tags without expanding them', () => {
  const text = lines('x-a: &a {env: [1, 2]}', 'x-b: &b {env: [1, 3]}', 'containers:', `- image: ${IMAGE}`, '  x: *a', '  y: !!str 1')
  const documents = locateReferences(text, parseReference(IMAGE)).documents
  assert.doesNotThrow(() => assertOnlyIntendedChanges(documents, text, 'x.yaml'))
  // Each of these changes the data the file describes, or may change it for a consumer.
  for (const changed of [
    text.replace('  x: *a', '  x: *b'),
    text.replace('[1, 2]', '[1, 4]'),
    text.replace('!!str 1', '1'),
    text.replace('&b', '&c'),
    text.replace('  x: *a', '  x: {env: [1, 2]}')
  ])
    assert.throws(() => assertOnlyIntendedChanges(documents, changed, 'x.yaml'), /document 1 would change/, changed)
  // Style and comments are not data.
  assert.doesNotThrow(() =>
    assertOnlyIntendedChanges(documents, text.replace('[1, 2]', '[ 1,   2 ]').replace('!!str 1', "!!str '1'  # one"), 'x.yaml')
  )
})

test('pinnedReference keeps the written name and handles registry ports', () => {
  assert.equal(pinnedReference('localhost:5000/app', { digest: DIGEST }), `localhost:5000/app@${DIGEST}`)
  assert.equal(pinnedReference('localhost:5000/app:1@' + OLD, { digest: DIGEST, tag: '2' }), `localhost:5000/app:2@${DIGEST}`)
})

test('pinnedReference: the release tag or no tag beside a new digest', () => {
  assert.equal(pinnedReference('app:old', { digest: DIGEST }), `app@${DIGEST}`)
  assert.equal(pinnedReference('app:old', { digest: DIGEST, tag: 'v2' }), `app:v2@${DIGEST}`)
  assert.equal(pinnedReference(`app:old@${OLD}`, { digest: DIGEST }), `app@${DIGEST}`)
  assert.equal(pinnedReference(`app:old@${OLD}`, { digest: DIGEST, tag: 'v2' }), `app:v2@${DIGEST}`)
  assert.equal(pinnedReference('localhost:5000/app:1', { digest: DIGEST }), `localhost:5000/app@${DIGEST}`)
  assert.equal(pinnedReference('app', { digest: DIGEST, tag: 'v2' }), `app@${DIGEST}`)
  assert.equal(pinnedReference(`app:v1@${DIGEST}`, { digest: DIGEST }), `app:v1@${DIGEST}`)
})

test('applyEdits splices ranges and refuses overlaps', () => {
  assert.equal(
    applyEdits('abcdef', [
      { start: 4, end: 5, text: 'E' },
      { start: 1, end: 1, text: '+' }
    ]),
    'a+bcdEf'
  )
  assert.throws(
    () =>
      applyEdits('abcdef', [
        { start: 1, end: 3, text: '' },
        { start: 2, end: 4, text: '' }
      ]),
    DeployError
  )
})
