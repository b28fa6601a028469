//! How the header names the province after the unit ("tỉnh Hà Tĩnh",
//! "thành phố Huế"), or not at all when the unit is the province itself.

use super::Config;

/// Folded names of the centrally-run cities (thành phố trực thuộc trung
/// ương), as of the 2025 reorganisation.
const CENTRAL_CITIES: &[&str] = &[
    "ha noi",
    "ho chi minh",
    "hai phong",
    "da nang",
    "can tho",
    "hue",
];

/// The province-level area named after the unit in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Region {
    /// A province: "tỉnh Hà Tĩnh".
    Province(String),
    /// A centrally-run city: "thành phố Hà Nội".
    City(String),
    /// The config already says which ("Thành phố Huế", "tỉnh Gia Lai").
    AsWritten(String),
}

impl Config {
    /// How the header names the province after the unit: `None` when no
    /// province is set or the unit's name already says it ("UBND tỉnh Hà
    /// Tĩnh"); a centrally-run city (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng,
    /// Cần Thơ, Huế) or `level = "thành phố"` with that city is a
    /// [`Region::City`]; a value that already starts with "tỉnh"/"thành phố"
    /// is used as written.
    pub fn region(&self) -> Option<Region> {
        let name = self.province.trim();
        if name.is_empty() {
            return None;
        }
        let folded = crate::text::fold(name);
        let region = if ["tinh ", "thanh pho ", "tp ", "tp. "]
            .iter()
            .any(|p| folded.starts_with(p))
        {
            Region::AsWritten(name.to_owned())
        } else if CENTRAL_CITIES.contains(&folded.as_str()) {
            Region::City(name.to_owned())
        } else {
            Region::Province(name.to_owned())
        };
        let full = crate::text::fold(&match &region {
            Region::AsWritten(n) => n.clone(),
            Region::City(n) => format!("thành phố {n}"),
            Region::Province(n) => format!("tỉnh {n}"),
        });
        let unit = crate::text::fold(&self.unit);
        let level = crate::text::fold(self.level.trim());
        // The provincial unit itself: "UBND tỉnh Hà Tĩnh", or a city site
        // whose unit is written "UBND TP Hà Nội".
        let own = unit.contains(&full)
            || ((level == "tinh" || level == "thanh pho") && unit.ends_with(&format!(" {folded}")));
        (!own).then_some(region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_wording() {
        let cfg = |unit: &str, level: &str, province: &str| Config {
            unit: unit.into(),
            level: level.into(),
            province: province.into(),
            ..Config::default()
        };
        assert_eq!(
            cfg("UBND phường Sông Trí", "phường", "Hà Tĩnh").region(),
            Some(Region::Province("Hà Tĩnh".into()))
        );
        assert_eq!(
            cfg("UBND phường Ba Đình", "phường", "Hà Nội").region(),
            Some(Region::City("Hà Nội".into()))
        );
        assert_eq!(
            cfg("UBND xã Bình Chánh", "xã", "TP Hồ Chí Minh").region(),
            Some(Region::AsWritten("TP Hồ Chí Minh".into()))
        );
        assert_eq!(cfg("UBND tỉnh Hà Tĩnh", "tỉnh", "Hà Tĩnh").region(), None);
        assert_eq!(
            cfg("UBND TP Đà Nẵng", "thành phố", "Đà Nẵng").region(),
            None
        );
        assert_eq!(cfg("UBND xã A", "xã", "").region(), None);
    }
}
