#!/usr/bin/env python3
"""Export the corpus repositories at their ground-truth commits into a directory.

usage: bench/corpus/checkout.py CORPUS.json MIRROR_DIR OUT_DIR

MIRROR_DIR holds bare git directories as the search tool's `fetch` leaves them
(<owner>+<name>/repo). Snapshots lack files of 4 MiB and more, so the export walks the
tree and skips absent blobs instead of failing. Nothing here is ever committed.
"""
import json, os, subprocess, sys

def export(git, commit, out):
    tree = subprocess.run(['git', f'--git-dir={git}', 'ls-tree', '-r', '-z', commit], capture_output=True, check=True).stdout
    skipped = 0
    for entry in tree.split(b'\0'):
        if not entry:
            continue
        meta, path = entry.split(b'\t', 1)
        mode, kind, sha = meta.split(b' ')
        if kind != b'blob':
            continue
        dest = os.path.join(out, path.decode())
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        blob = subprocess.run(['git', f'--git-dir={git}', 'cat-file', 'blob', sha.decode()], capture_output=True)
        if blob.returncode != 0:
            skipped += 1
            continue
        if mode == b'120000':
            try:
                os.symlink(blob.stdout.decode(), dest)
            except OSError:
                pass
            continue
        with open(dest, 'wb') as f:
            f.write(blob.stdout)
        if mode == b'100755':
            os.chmod(dest, 0o755)
    return skipped

def main():
    corpus, mirror, out_dir = sys.argv[1:4]
    for r in json.load(open(corpus)):
        owner, name = r['repo'].split('/')
        git = os.path.join(mirror, f'{owner}+{name}', 'repo')
        out = os.path.join(out_dir, f'{owner}+{name}')
        if os.path.isdir(out) and os.listdir(out):
            continue
        if not os.path.isdir(git):
            print(f"{r['repo']}: not fetched (fetch github:{r['repo']} first)")
            continue
        commit = r['commit']
        if subprocess.run(['git', f'--git-dir={git}', 'cat-file', '-e', commit], capture_output=True).returncode != 0:
            print(f"{r['repo']}: commit {commit[:10]} absent from the snapshot; using HEAD")
            commit = 'HEAD'
        skipped = export(git, commit, out)
        print(f"{r['repo']}: exported{f' ({skipped} large files absent)' if skipped else ''}")

if __name__ == '__main__':
    main()
