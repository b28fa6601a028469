//! Filling a UI string's placeholders (the theme's `i18n/<lang>.toml`
//! wording and the charts' words): `{name}` becomes the value of `name`,
//! and a plural choice `{name|one|other}` becomes `one` when the value of
//! `name` is 1 and `other` otherwise — English "1 task", "2 tasks", "0
//! tasks". Vietnamese has no plural and writes no choice, so its strings
//! (and any theme's own strings without a choice) fill exactly as before.

/// `template` with each plural choice `{name|one|other}` of a known `name`
/// resolved, then each `{name}` replaced by its value, in the order of
/// `args` (as UI strings always have been filled). Values are never read
/// for choices; a choice naming no argument, or without exactly two forms,
/// stays as written (a visible hint for a theme author, never a crash).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = if template.contains('|') {
        choose_plurals(template, args)
    } else {
        template.to_owned()
    };
    for (name, value) in args {
        let placeholder = format!("{{{name}}}");
        if s.contains(&placeholder) {
            s = s.replace(&placeholder, value);
        }
    }
    s
}

/// Whether a filled-in number asks for the singular: exactly "1".
fn is_one(value: &str) -> bool {
    value.trim() == "1"
}

/// `template` with every `{name|one|other}` of a known `name` resolved.
fn choose_plurals(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after
            .find(['{', '}'])
            .filter(|&i| after[i..].starts_with('}'))
        else {
            out.push('{');
            rest = after;
            continue;
        };
        let inner = &after[..close];
        match choice(inner, args) {
            Some(form) => out.push_str(form),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The form `inner` (`name|one|other`) picks, if it is a plural choice of
/// one of `args`.
fn choice<'t>(inner: &'t str, args: &[(&str, &str)]) -> Option<&'t str> {
    let mut parts = inner.split('|');
    let (name, one, other) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let value = args.iter().find(|(n, _)| *n == name)?.1;
    Some(if is_one(value) { one } else { other })
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn english_singular_for_one_and_plural_otherwise() {
        let t = "{n} {n|task|tasks}: {parts}";
        assert_eq!(
            fill(t, &[("n", "1"), ("parts", "done 1")]),
            "1 task: done 1"
        );
        assert_eq!(fill(t, &[("n", "0"), ("parts", "-")]), "0 tasks: -");
        assert_eq!(fill(t, &[("n", "2"), ("parts", "-")]), "2 tasks: -");
        assert_eq!(fill(t, &[("n", "1,001"), ("parts", "-")]), "1,001 tasks: -");
        // Two counts in one sentence, each choosing for itself.
        let t = "{met} of {total} {total|target|targets} met; {n} {n|day|days}";
        assert_eq!(
            fill(t, &[("met", "0"), ("total", "1"), ("n", "3")]),
            "0 of 1 target met; 3 days"
        );
    }

    #[test]
    fn strings_without_a_choice_fill_as_before() {
        assert_eq!(
            fill(
                "Đạt {met}/{total} chỉ tiêu",
                &[("met", "1"), ("total", "1")]
            ),
            "Đạt 1/1 chỉ tiêu"
        );
        // Values are not read for choices.
        assert_eq!(
            fill("{a} và {n}", &[("a", "{n|x|y}"), ("n", "1")]),
            "{n|x|y} và 1"
        );
        // Not a choice: unknown name, wrong number of forms, stray braces.
        for t in [
            "{m|a|b}",
            "{n|a}",
            "{n|a|b|c}",
            "a | b {",
            "} {n|a|{b}",
            "{|a|b}",
        ] {
            assert_eq!(fill(t, &[("n", "1")]), t.replace("{n}", "1"), "{t}");
        }
    }
}
