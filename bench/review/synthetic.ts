import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A repository the size of a mid-sized team's deployment code: 200 Kubernetes manifests
 * (Deployment + Service + HPA each), 50 Terraform files in 10 modules and 20 Dockerfiles,
 * mixing good and bad practice so every rule family has work to do.
 */
export function writeSyntheticRepo(root: string): { k8s: number; tf: number; dockerfiles: number } {
  for (let i = 0; i < 200; i++) {
    const good = i % 3 !== 0;
    const dir = join(root, 'k8s', `team-${i % 10}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `svc-${i}.yaml`), manifest(`svc-${i}`, `team-${i % 10}`, good));
  }
  for (let m = 0; m < 10; m++) {
    const dir = join(root, 'infra', m % 2 ? `prod-${m}` : `dev-${m}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 5; f++) writeFileSync(join(dir, `part-${f}.tf`), terraform(`m${m}f${f}`, (m + f) % 2 === 0));
  }
  for (let d = 0; d < 20; d++) {
    const dir = join(root, 'services', `svc-${d}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), dockerfile(d % 2 === 0));
  }
  return { k8s: 200, tf: 50, dockerfiles: 20 };
}

function manifest(name: string, ns: string, good: boolean): string {
  const security = good
    ? `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
          livenessProbe:
            httpGet: {path: /livez, port: http}
`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app.kubernetes.io/part-of: shop, team: ${ns}}
spec:
  replicas: ${good ? 2 : 1}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      automountServiceAccountToken: false
      containers:
        - name: ${name}
          image: registry.example.com/${ns}/${name}:${good ? '1.2.3' : 'latest'}
          ports:
            - {name: http, containerPort: 8080}
${security}---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: ${good ? 'ClusterIP' : 'NodePort'}
  selector: {app: ${name}}
  ports:
    - {name: http, port: 80, targetPort: http}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
`;
}

function terraform(id: string, good: boolean): string {
  return `resource "aws_s3_bucket" "b_${id}" {
  bucket = "bucket-${id}"
  ${good ? '' : 'acl    = "public-read"'}
}

resource "aws_s3_bucket_versioning" "b_${id}" {
  bucket = aws_s3_bucket.b_${id}.id
  versioning_configuration {
    status = "${good ? 'Enabled' : 'Suspended'}"
  }
}

resource "aws_db_instance" "db_${id}" {
  engine                  = "postgres"
  instance_class          = "${good ? 'db.r7g.large' : 'db.m5.large'}"
  storage_encrypted       = ${good}
  publicly_accessible     = ${!good}
  multi_az                = ${good}
  backup_retention_period = ${good ? 14 : 0}
  storage_type            = "${good ? 'gp3' : 'gp2'}"
}

resource "aws_security_group" "sg_${id}" {
  name = "sg-${id}"
  ingress {
    from_port   = ${good ? 443 : 22}
    to_port     = ${good ? 443 : 22}
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "vm_${id}" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "${good ? 't4g.small' : 't3.2xlarge'}"
  metadata_options {
    http_tokens = "${good ? 'required' : 'optional'}"
  }
  root_block_device {
    volume_type = "gp3"
    encrypted   = ${good}
  }
}
`;
}

function dockerfile(good: boolean): string {
  return good
    ? `FROM node:20.18-bookworm-slim AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20.18-bookworm-slim
WORKDIR /app
COPY --from=build /app/dist ./dist
USER node
HEALTHCHECK CMD ["node", "dist/health.js"]
CMD ["node", "dist/server.js"]
`
    : `FROM node
WORKDIR app
ADD . .
RUN apt-get update && apt-get install -y curl
RUN npm install && npm run build
ENV API_TOKEN=abc123
EXPOSE 22 3000
CMD npm start
`;
}
