using System;

namespace CommunityControl.Records;

/// <summary>
/// The symptoms a person under observation reports with a temperature reading (健康监测: temperature and symptoms twice a
/// day). Any reported symptom is an alert of <see cref="HealthAlertKind.Symptoms"/>.
/// </summary>
/// <remarks>Values never change between versions. The list is the vocabulary of a report form, not a clinical rule.</remarks>
[Flags]
public enum Symptoms
{
    /// <summary>No symptom reported.</summary>
    None = 0,

    /// <summary>Feels feverish (subjective fever, whatever the reading).</summary>
    FeelsFeverish = 1 << 0,

    /// <summary>Cough (咳嗽), dry or productive.</summary>
    Cough = 1 << 1,

    /// <summary>Sore throat (咽痛).</summary>
    SoreThroat = 1 << 2,

    /// <summary>Fatigue (乏力).</summary>
    Fatigue = 1 << 3,

    /// <summary>Loss or reduction of smell or taste (嗅觉、味觉减退).</summary>
    LossOfSmellOrTaste = 1 << 4,

    /// <summary>Diarrhoea (腹泻).</summary>
    Diarrhoea = 1 << 5,

    /// <summary>Shortness of breath (呼吸困难).</summary>
    ShortnessOfBreath = 1 << 6,

    /// <summary>Another symptom, described to the community observer.</summary>
    Other = 1 << 7,
}
