namespace EcomRules.Sla;

/// <summary>What time an SLA is measured on.</summary>
public enum SlaTimeBasis
{
    /// <summary>Working time only: inside the working hours of the working calendar (SLA-8, DSP-4).</summary>
    WorkingTime = 0,

    /// <summary>Elapsed time: every hour counts, working or not.</summary>
    ElapsedTime = 1,
}
