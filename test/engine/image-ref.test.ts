import { looksWindows, parseImageRef } from '../../src/engine/image-ref';

describe('parseImageRef', () => {
  it.each([
    ['ubuntu', { repository: 'ubuntu' }],
    ['ubuntu:24.04', { repository: 'ubuntu', tag: '24.04', tagOffset: 7 }],
    ['library/ubuntu@sha256:abc', { repository: 'library/ubuntu', digest: 'sha256:abc', digestOffset: 15 }],
    ['ghcr.io/org/app:1.0@sha256:abc', { registry: 'ghcr.io', repository: 'org/app', tag: '1.0', digest: 'sha256:abc' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['localhost/app:dev', { registry: 'localhost', repository: 'app', tag: 'dev' }],
    ['org/app', { repository: 'org/app' }],
  ])('%s', (text, expected) => {
    expect(parseImageRef(text)).toMatchObject({ text, ...expected });
    if (!('tag' in expected)) expect(parseImageRef(text).tag).toBeUndefined();
  });
});

describe('looksWindows', () => {
  it.each([
    ['mcr.microsoft.com/windows/servercore:ltsc2022', true],
    ['mcr.microsoft.com/windows/nanoserver:1809', true],
    ['python:3.12-windowsservercore-ltsc2022', true],
    ['mcr.microsoft.com/dotnet/framework/sdk:4.8', true],
    ['mcr.microsoft.com/dotnet/sdk:8.0', false],
    ['ubuntu:24.04', false],
    ['mcr.microsoft.com/powershell:lts-ubuntu-22.04', false],
  ])('%s → %s', (text, expected) => {
    expect(looksWindows(parseImageRef(text))).toBe(expected);
  });
});

describe('looksWindows, older and community names', () => {
  it.each([
    ['microsoft/dotnet-framework:3.5', true],
    ['stefanscherer/node-windows:8.6.0-build-tools', true],
    ['microsoft/iis', true],
    ['golang:1.22-nanoserver-ltsc2022', true],
    ['node:20-bookworm', false],
    ['example/windowsill', false],
  ])('%s → %s', (text, expected) => {
    expect(looksWindows(parseImageRef(text))).toBe(expected);
  });
});
