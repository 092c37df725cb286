//! How the law treats a report, which follows from its kind and from whether
//! the reporter gave their identity.

/// The procedure a report falls under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Handling {
    /// A denunciation by a named person: the LTC procedure and its deadlines.
    FormalDenunciation,
    /// Anonymous (or pseudonymous) information: not handled under the LTC, but
    /// inspected if its content is clear and its evidence concrete (LTC Art. 25(2)).
    InformationForInspection,
    /// A reflection (phản ánh) by a named person.
    Reflection,
    /// A petition (kiến nghị) by a named person.
    Petition,
}

impl Handling {
    /// The Vietnamese explanation shown to the reporter and staff.
    pub fn label_vi(self) -> &'static str {
        match self {
            Handling::FormalDenunciation => "Tố cáo (xử lý theo Luật Tố cáo)",
            Handling::InformationForInspection => {
                "Thông tin nặc danh: được xem xét, kiểm tra, không xử lý như tố cáo (Điều 25 Luật Tố cáo)"
            }
            Handling::Reflection => "Phản ánh",
            Handling::Petition => "Kiến nghị",
        }
    }

    /// The English explanation.
    pub fn label_en(self) -> &'static str {
        match self {
            Handling::FormalDenunciation => "Denunciation (handled under the Law on Denunciation)",
            Handling::InformationForInspection => {
                "Anonymous information: inspected, not handled as a denunciation (LTC Art. 25)"
            }
            Handling::Reflection => "Reflection",
            Handling::Petition => "Petition",
        }
    }
}
