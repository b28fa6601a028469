//! Tests of the sharing images: cards, alt texts and previews.

use super::super::sharing_canvas::{WHITE, is_text};
use super::*;

fn card(illustrative: bool) -> TargetCard {
    TargetCard {
        site: "Phường Sông Trí".into(),
        statement: "Tỷ lệ hồ sơ giải quyết thủ tục hành chính được thực hiện trực tuyến \
                    toàn trình"
            .into(),
        figure: Some("95,5\u{a0}% / 100\u{a0}%".into()),
        goal: "Mục tiêu: tối thiểu 100\u{a0}% · Chưa đạt".into(),
        illustrative,
        kind: "Chỉ tiêu".into(),
        no_data: "Chưa có số liệu".into(),
        illustrative_words: "Số liệu minh họa".into(),
        progress: Some(0.955),
        achieved: Some(false),
    }
}

fn texts(c: &Canvas) -> Vec<&str> {
    c.words.iter().map(|w| w.text.as_str()).collect()
}

/// Text pixels in the rows `rows`.
fn ink(c: &Canvas, rows: std::ops::Range<usize>) -> usize {
    c.px[rows.start * W..rows.end * W]
        .iter()
        .filter(|&&p| is_text(p))
        .count()
}

#[test]
fn target_card_says_the_target_its_figure_and_minh_hoa() {
    let plain = target_card(&card(false));
    let words = texts(&plain);
    assert!(words.contains(&"Phường Sông Trí"), "{words:?}");
    assert!(words.contains(&"95,5\u{a0}% / 100\u{a0}%"), "{words:?}");
    assert!(words.iter().any(|w| w.starts_with("Tỷ lệ hồ sơ")));
    assert!(words.contains(&"Mục tiêu: tối thiểu 100\u{a0}% · Chưa đạt"));
    assert!(!words.contains(&"Số liệu minh họa"));
    // The title area (the target's words) carries ink.
    assert!(ink(&plain, 66..130) > 2000, "{}", ink(&plain, 66..130));
    // The header band carries the site's name in white-on-blue steps.
    assert!(plain.px[..52 * W].iter().filter(|&&p| p == WHITE).count() > 300);

    let marked = target_card(&card(true));
    assert!(texts(&marked).contains(&"Số liệu minh họa"));
    // "Số liệu minh họa" is drawn: more ink below the goal line.
    assert!(ink(&marked, 200..270) > ink(&plain, 200..270) + 500);
    assert!(card(true).alt().contains("(Số liệu minh họa)"));

    // Deterministic bytes, and small.
    let png = encode(&marked);
    assert_eq!(png, encode(&target_card(&card(true))));
    assert!(png.len() < 16_000, "{}", png.len());
}

#[test]
fn long_words_and_figures_stay_inside_the_card() {
    let mut long = card(true);
    long.statement = "Tỷ lệ ".repeat(60);
    long.figure = Some("1.234.567.890 triệu đồng / 2.000.000.000 triệu đồng".into());
    long.site = "Ủy ban nhân dân ".repeat(10);
    let c = target_card(&long);
    for w in &c.words {
        let right = w.x + sharing_font::width(&w.text, w.size, w.weight);
        assert!(right <= W as f32 - MARGIN + 0.5, "{w:?}");
        assert!(w.baseline < (H - 40) as f32, "{w:?}");
    }
    let empty = TargetCard {
        figure: None,
        progress: None,
        achieved: None,
        ..card(false)
    };
    assert!(texts(&target_card(&empty)).contains(&"Chưa có số liệu"));
}

#[test]
fn dti_labels_fit_in_the_image() {
    let c = dti_card(
        &Words::default(),
        "Xã A",
        "Chỉ số DTI năm 2025",
        &[(143.5, 160.0), (57.5, 75.0), (1234.5, 1500.0)],
    );
    assert!(texts(&c).contains(&"143,5/160"), "{:?}", texts(&c));
    assert!(texts(&c).contains(&"1.234,5/1.500"), "{:?}", texts(&c));
    let rightmost = (0..H)
        .flat_map(|y| (0..W).map(move |x| (x, y)))
        .filter(|&(x, y)| y > 60 && is_text(c.px[y * W + x]))
        .map(|(x, _)| x)
        .max()
        .unwrap();
    assert!(rightmost > LABEL_X && rightmost < W - 8, "{rightmost}");
    let site = site_card(
        "Minh bạch chuyển đổi số",
        "Phường Sông Trí",
        "Kết quả chuyển đổi số của phường",
    );
    assert!(texts(&site).contains(&"Phường Sông Trí"));
    assert!(ink(&site, 70..110) > 1000);
}
