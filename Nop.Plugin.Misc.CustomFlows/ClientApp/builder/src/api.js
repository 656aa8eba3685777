// The server contract of docs/builder.md: JSON both ways, the antiforgery token on every POST.
export class Api {
    constructor(config) {
        this.endpoints = config.endpoints || {};
        this.token = config.antiforgeryToken || '';
    }

    url(name, query) {
        const url = new URL(this.endpoints[name], window.location.href);
        for (const [key, value] of Object.entries(query || {})) url.searchParams.set(key, value);
        return url.toString();
    }

    async get(name, query) {
        const response = await fetch(this.url(name, query), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        return read(response);
    }

    async post(name, body) {
        const response = await fetch(this.url(name), {
            method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: this.token },
            body: JSON.stringify(body)
        });
        return read(response);
    }
}

async function read(response) {
    let body = null;
    try {
        body = await response.json();
    } catch {
        body = null;
    }
    return { status: response.status, ok: response.ok, body: body || {} };
}
