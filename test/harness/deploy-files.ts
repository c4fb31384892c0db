// Deploy-repository files the integration tests pin digests in.

/** A Kubernetes Deployment whose one container runs `image`. */
export function deploymentYaml(image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
`
}
