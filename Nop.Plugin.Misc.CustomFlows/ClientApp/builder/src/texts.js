import english from '../texts.en.json';

// The server supplies the admin's language (nopCommerce locale resources); the English file is the fallback,
// so a key the server has not added yet still reads as English instead of as a raw key.
export function createTexts(supplied, language) {
    const plural = new Intl.PluralRules(language || 'en');
    // keys the English file lacks: the browser tests fail on any, so the README's key list stays complete
    const missing = new Set();
    const lookup = key => {
        if (supplied && supplied[key] != null) return supplied[key];
        if (english[key] != null) return english[key];
        missing.add(key);
        return key;
    };
    const t = (key, values) => lookup(key).replace(/\{(\w+)\}/g, (whole, name) => (values && values[name] != null ? String(values[name]) : whole));
    // "{count} days": one/few/many forms (Polish needs three) with _other as the fallback
    t.count = (key, count) => {
        const form = plural.select(count);
        const chosen = (supplied && supplied[`${key}_${form}`]) || english[`${key}_${form}`] ? `${key}_${form}` : `${key}_other`;
        return t(chosen, { count });
    };
    t.missing = missing;
    return t;
}
