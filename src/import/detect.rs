//! Which generator a folder was written for (Hugo or Zola) and the few
//! settings of its configuration the import needs: title, address
//! (`baseURL`/`base_url`), language, Hugo's permalink patterns, the
//! content folder of the default language, whether code was coloured.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// The generator of the source site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Hugo,
    Zola,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
        }
    }
}

/// What the import learns from the source site's configuration.
#[derive(Debug, Clone)]
pub struct SourceSite {
    pub generator: Generator,
    pub root: PathBuf,
    /// The configuration file read (relative to `root`).
    pub config_file: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub base_url: Option<String>,
    /// Default content language (`vi`, `en`…), lower case.
    pub language: String,
    /// Hugo `[permalinks]`: section → pattern (`/:year/:month/:title/`).
    pub permalinks: BTreeMap<String, String>,
    /// The folder holding the pages of the default language.
    pub content_dir: PathBuf,
    /// Prefix of every old address of the imported language (`vi/` when
    /// Hugo served it under a language folder), or `""`.
    pub url_prefix: String,
    /// Other languages' content folders (Hugo `contentDir` per language),
    /// not imported (reported).
    pub other_language_dirs: Vec<PathBuf>,
    /// Taxonomies the configuration declares beyond tags and categories
    /// (front-matter keys: Hugo `[taxonomies] series = "series"`, Zola
    /// `taxonomies = [{name = "series"}]`); Hugo's in key order.
    pub taxonomies: Vec<String>,
    /// The setting by which the old site left code blocks uncoloured, if it
    /// did (see [`super::highlight`]).
    pub highlight_off: Option<String>,
}

const HUGO_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
    "config/_default/hugo.yaml",
    "config/_default/config.yaml",
];

/// Largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Detects the generator of `root`, or says in Vietnamese why it cannot.
pub fn detect(root: &Path) -> Result<SourceSite, String> {
    if !root.is_dir() {
        return Err(format!("không tìm thấy thư mục {}", root.display()));
    }
    if !root.join("content").is_dir() {
        return Err(format!(
            "{} không có thư mục content/: đây không phải trang Hugo hay Zola (chỉ định thư mục gốc của trang, nơi có content/ và tệp cấu hình)",
            root.display()
        ));
    }
    if root.join("minhbach.toml").is_file() {
        return Err(format!(
            "{} đã là trang minhbach (có minhbach.toml); không cần nhập",
            root.display()
        ));
    }
    let zola = ["zola.toml", "config.toml"].iter().find_map(|name| {
        let map = read_config(&root.join(name))?;
        let is_zola = name == &"zola.toml"
            || map.contains_key("base_url")
            || map.contains_key("compile_sass")
            || map.contains_key("build_search_index")
            || (map.contains_key("markdown") && !map.contains_key("baseURL"));
        is_zola.then(|| ((*name).to_owned(), map))
    });
    let (generator, config_file, mut map) = match zola {
        Some((f, m)) => (Generator::Zola, f, m),
        None => {
            let found = HUGO_CONFIGS
                .iter()
                .find_map(|name| read_config(&root.join(name)).map(|m| ((*name).to_owned(), m)));
            match found {
                Some((f, m)) => (Generator::Hugo, f, m),
                None => {
                    return Err(format!(
                        "không tìm thấy tệp cấu hình Hugo (hugo.toml, config.toml, hugo.yaml…) hay Zola (config.toml, zola.toml) trong {}",
                        root.display()
                    ));
                }
            }
        }
    };
    // Hugo's split configuration: `config/_default/permalinks.toml` holds
    // the `[permalinks]` table's content, and so on.
    if generator == Generator::Hugo {
        for key in ["permalinks", "languages", "params", "taxonomies", "markup"] {
            for ext in ["toml", "yaml", "yml"] {
                let path = root.join("config/_default").join(format!("{key}.{ext}"));
                if let Some(part) = read_config(&path) {
                    map.entry(key.to_owned()).or_insert(Value::Object(part));
                }
            }
        }
    }
    let get = |k: &str| -> Option<String> {
        map.iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(k))
            .and_then(|(_, v)| v.as_str())
            .map(str::to_owned)
            .filter(|s| !s.trim().is_empty())
    };
    let base_url = get("baseURL").or_else(|| get("base_url"));
    let language = get("defaultContentLanguage")
        .or_else(|| get("default_language"))
        .or_else(|| {
            get("languageCode").map(|c| c.split(['-', '_']).next().unwrap_or("").to_owned())
        })
        .unwrap_or_else(|| "vi".to_owned())
        .to_lowercase();
    let mut permalinks = BTreeMap::new();
    if let Some(Value::Object(p)) = map
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("permalinks"))
        .map(|(_, v)| v)
    {
        for (k, v) in p {
            match v {
                Value::String(s) => {
                    permalinks.insert(k.clone(), s.clone());
                }
                // Hugo ≥ 0.120: `[permalinks.page] posts = "…"`.
                Value::Object(inner) if k == "page" => {
                    for (k2, v2) in inner {
                        if let Some(s) = v2.as_str() {
                            permalinks.insert(k2.clone(), s.to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // A Vietnamese portal imports the Vietnamese pages when the old site
    // has them in a folder of their own, whatever its default language.
    let default_language = language.clone();
    let language = match map.get("languages") {
        Some(Value::Object(l)) if l.get("vi").and_then(|v| v.get("contentDir")).is_some() => {
            "vi".to_owned()
        }
        _ => language,
    };
    let (content_dir, other_language_dirs) = language_dirs(root, &map, &language);
    let in_subdir = map
        .get("defaultContentLanguageInSubdir")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let url_prefix = if generator == Generator::Hugo
        && map.contains_key("languages")
        && (language != default_language || in_subdir)
    {
        format!("{language}/")
    } else {
        String::new()
    };
    let taxonomies = declared_taxonomies(&map);
    Ok(SourceSite {
        taxonomies,
        highlight_off: match generator {
            Generator::Hugo => super::highlight::hugo_off(&map),
            Generator::Zola => super::highlight::zola_off(&map),
        },
        url_prefix,
        generator,
        root: root.to_path_buf(),
        config_file,
        title: get("title"),
        description: get("description").or_else(|| {
            map.get("params")
                .and_then(|p| p.get("description"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        }),
        base_url,
        language,
        permalinks,
        content_dir,
        other_language_dirs,
    })
}

/// The front-matter keys of the declared taxonomies other than tags and
/// categories: the values of Hugo's `[taxonomies]` table (singular →
/// plural, the plural is the key), the names of Zola's `taxonomies` list.
fn declared_taxonomies(map: &Map<String, Value>) -> Vec<String> {
    let names: Vec<String> = match map.get("taxonomies") {
        // `_merge = "shallow"` (Hugo's split configuration) is no taxonomy.
        Some(Value::Object(t)) => t
            .iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .filter_map(|(_, v)| v.as_str())
            .map(str::to_owned)
            .collect(),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|t| t.get("name").and_then(Value::as_str))
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.trim().to_owned();
        let plain = !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if plain && !matches!(n.as_str(), "tags" | "categories") && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Hugo multilingual sites may keep each language in its own folder
/// (`[languages.vi] contentDir = "content/vi"`).
fn language_dirs(root: &Path, map: &Map<String, Value>, default: &str) -> (PathBuf, Vec<PathBuf>) {
    let mut main = root.join("content");
    let mut others = Vec::new();
    if let Some(Value::Object(langs)) = map.get("languages") {
        for (code, v) in langs {
            if let Some(dir) = v.get("contentDir").and_then(Value::as_str) {
                let p = root.join(dir);
                if code.eq_ignore_ascii_case(default) {
                    main = p;
                } else {
                    others.push(p);
                }
            }
        }
    }
    (main, others)
}

/// Reads a TOML/YAML/JSON configuration file into a JSON map.
fn read_config(path: &Path) -> Option<Map<String, Value>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_CONFIG_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let name = path.file_name()?.to_string_lossy();
    let value = if name.ends_with(".toml") {
        crate::content::frontmatter::toml_to_json(toml::Value::Table(text.parse().ok()?))
    } else if name.ends_with(".json") {
        serde_json::from_str(&text).ok()?
    } else {
        serde_saphyr::from_str::<Value>(&text).ok()?
    };
    match value {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_hugo_from_zola() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(
            root.join("config.toml"),
            "base_url = \"https://a.vn/blog\"\ntitle = \"Z\"\ndefault_language = \"vi\"\n[markdown]\n",
        )
        .unwrap();
        let s = detect(root).unwrap();
        assert_eq!(s.generator, Generator::Zola);
        assert_eq!(s.base_url.as_deref(), Some("https://a.vn/blog"));
        std::fs::remove_file(root.join("config.toml")).unwrap();
        std::fs::write(
            root.join("hugo.yaml"),
            "baseURL: https://u.github.io/Blog/\ntitle: H\nlanguageCode: vi-VN\npermalinks:\n  posts: /:year/:month/:slug/\n",
        )
        .unwrap();
        let s = detect(root).unwrap();
        assert_eq!(s.generator, Generator::Hugo);
        assert_eq!(s.language, "vi");
        assert_eq!(s.permalinks["posts"], "/:year/:month/:slug/");
    }

    #[test]
    fn reads_hugos_split_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(root.join("config/_default")).unwrap();
        std::fs::write(
            root.join("config/_default/hugo.toml"),
            "baseURL = \"https://a.vn/\"\n",
        )
        .unwrap();
        std::fs::write(
            root.join("config/_default/permalinks.toml"),
            "posts = \"/:year/:slug/\"\n",
        )
        .unwrap();
        let s = detect(root).unwrap();
        assert_eq!(s.generator, Generator::Hugo);
        assert_eq!(s.permalinks["posts"], "/:year/:slug/");
    }

    #[test]
    fn reads_declared_taxonomies_of_hugo_and_zola() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(
            root.join("hugo.toml"),
            "baseURL = \"https://a.vn/\"\n[taxonomies]\ntag = \"tags\"\ncategory = \"categories\"\nseries = \"series\"\nauthor = \"authors\"\n_merge = \"shallow\"\n",
        )
        .unwrap();
        assert_eq!(detect(root).unwrap().taxonomies, ["authors", "series"]);
        std::fs::remove_file(root.join("hugo.toml")).unwrap();
        std::fs::write(
            root.join("config.toml"),
            "base_url = \"https://a.vn/\"\ntaxonomies = [{name = \"tags\"}, {name = \"series\", feed = true}, {name = \"../x\"}]\n",
        )
        .unwrap();
        assert_eq!(detect(root).unwrap().taxonomies, ["series"]);
    }

    #[test]
    fn refuses_a_folder_without_content() {
        let dir = tempfile::tempdir().unwrap();
        assert!(detect(dir.path()).unwrap_err().contains("content/"));
    }
}
