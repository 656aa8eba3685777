namespace Nop.Plugin.Misc.CustomFlows.Localization;

/// <summary>
/// The texts of the run inspector (a customer's runs, one run's timeline, ending a run by hand), in English and
/// Polish; part of <see cref="CustomFlowsLocales"/>
/// </summary>
public static class RunInspectorLocales
{
    /// <summary>
    /// English texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> English { get; } = Prefixed(new Dictionary<string, string>
    {
        ["Runs"] = "A customer's runs",
        ["Runs.FindCustomer"] = "Find a customer's runs",
        ["Runs.Search.Email"] = "Customer e-mail",
        ["Runs.Search.Email.Hint"] = "The e-mail address of the customer's account; every flow the customer entered is listed, newest first.",
        ["Runs.NoCustomer"] = "No customer account has the address {0}.",
        ["Runs.NoRuns"] = "The account {0} has not entered any flow yet.",
        ["Runs.Found"] = "Runs of {0}: {1}",
        ["Runs.NewestOnly"] = "Only the newest {0} runs are listed.",
        ["Runs.FlowDeleted"] = "(deleted flow)",
        ["Runs.Open"] = "View",
        ["Runs.Back"] = "back to the customer search",
        ["Runs.Run"] = "Run #{0}",
        ["Runs.NotFound"] = "There is no run with this number.",
        ["Runs.Timeline"] = "Timeline",
        ["Runs.StepsVisited"] = "Steps visited",
        ["Runs.StepsVisited.Hint"] = "Every step the run reached, in the order of the flow, with how often. Only entering, actions, opens, clicks, the current wait and the end have a time; steps such as filters and splits are listed here.",
        ["Runs.Fields.Flow"] = "Flow",
        ["Runs.Fields.Version"] = "Version",
        ["Runs.Fields.Status"] = "Status",
        ["Runs.Fields.Started"] = "Started",
        ["Runs.Fields.CurrentStep"] = "Current step",
        ["Runs.Fields.WaitingUntil"] = "Waiting until",
        ["Runs.Fields.GoalReached"] = "Goal reached",
        ["Runs.Fields.Revenue"] = "Revenue",
        ["Runs.Fields.ExitReason"] = "Exit reason",
        ["Runs.Fields.At"] = "When",
        ["Runs.Fields.Kind"] = "Event",
        ["Runs.Fields.Step"] = "Step",
        ["Runs.Fields.Details"] = "Details",
        ["Runs.Fields.Visits"] = "Visits",
        ["Runs.Status.Running"] = "Running",
        ["Runs.Status.Waiting"] = "Waiting",
        ["Runs.Status.Completed"] = "Completed",
        ["Runs.Status.Exited"] = "Exited",
        ["Runs.Status.Failed"] = "Failed",
        ["Runs.Kind.Entered"] = "Entered the flow",
        ["Runs.Kind.Action"] = "Action",
        ["Runs.Kind.Opened"] = "Opened",
        ["Runs.Kind.Clicked"] = "Clicked",
        ["Runs.Kind.Waiting"] = "Waiting",
        ["Runs.Kind.OrderCredited"] = "Order credited",
        ["Runs.Kind.Ended"] = "Ended",
        ["Runs.End"] = "End this run",
        ["Runs.End.Hint"] = "The run ends now: nothing more is sent and its wait is cancelled. The customer can enter the flow again as the flow's re-entry rule allows.",
        ["Runs.End.Reason"] = "Reason",
        ["Runs.End.Reason.Hint"] = "Why you end the run; it is kept with the run as part of its exit reason.",
        ["Runs.End.Ended"] = "The run has been ended.",
        ["Runs.End.NotFound"] = "The run no longer exists.",
        ["Runs.End.AlreadyEnded"] = "The run had already ended; nothing was changed.",
        ["Runs.End.ChangedMeanwhile"] = "The run moved on while it was being ended, so nothing was changed. Check its timeline and try again."
    });

    /// <summary>
    /// Polish texts by resource name
    /// </summary>
    public static IReadOnlyDictionary<string, string> Polish { get; } = Prefixed(new Dictionary<string, string>
    {
        ["Runs"] = "Przebiegi klienta",
        ["Runs.FindCustomer"] = "Znajdź przebiegi klienta",
        ["Runs.Search.Email"] = "E-mail klienta",
        ["Runs.Search.Email.Hint"] = "Adres e-mail konta klienta; lista pokazuje każdy scenariusz, do którego konto weszło, od najnowszych.",
        ["Runs.NoCustomer"] = "Żadne konto klienta nie ma adresu {0}.",
        ["Runs.NoRuns"] = "Konto {0} nie weszło jeszcze do żadnego scenariusza.",
        ["Runs.Found"] = "Przebiegi konta {0}: {1}",
        ["Runs.NewestOnly"] = "Wyświetlono tylko najnowsze przebiegi (limit: {0}).",
        ["Runs.FlowDeleted"] = "(usunięty scenariusz)",
        ["Runs.Open"] = "Pokaż",
        ["Runs.Back"] = "powrót do wyszukiwania klienta",
        ["Runs.Run"] = "Przebieg nr {0}",
        ["Runs.NotFound"] = "Nie ma przebiegu o tym numerze.",
        ["Runs.Timeline"] = "Oś czasu",
        ["Runs.StepsVisited"] = "Odwiedzone kroki",
        ["Runs.StepsVisited.Hint"] = "Każdy krok, do którego dotarł przebieg, w kolejności scenariusza, z liczbą wejść. Czas mają tylko wejście, akcje, otwarcia, kliknięcia, bieżące oczekiwanie i zakończenie; kroki takie jak filtry i podziały są wymienione tutaj.",
        ["Runs.Fields.Flow"] = "Scenariusz",
        ["Runs.Fields.Version"] = "Wersja",
        ["Runs.Fields.Status"] = "Stan",
        ["Runs.Fields.Started"] = "Początek",
        ["Runs.Fields.CurrentStep"] = "Bieżący krok",
        ["Runs.Fields.WaitingUntil"] = "Oczekiwanie do",
        ["Runs.Fields.GoalReached"] = "Cel osiągnięty",
        ["Runs.Fields.Revenue"] = "Przychód",
        ["Runs.Fields.ExitReason"] = "Powód zakończenia",
        ["Runs.Fields.At"] = "Kiedy",
        ["Runs.Fields.Kind"] = "Zdarzenie",
        ["Runs.Fields.Step"] = "Krok",
        ["Runs.Fields.Details"] = "Szczegóły",
        ["Runs.Fields.Visits"] = "Liczba wejść",
        ["Runs.Status.Running"] = "W toku",
        ["Runs.Status.Waiting"] = "Oczekuje",
        ["Runs.Status.Completed"] = "Ukończony",
        ["Runs.Status.Exited"] = "Zakończony wyjściem",
        ["Runs.Status.Failed"] = "Błąd",
        ["Runs.Kind.Entered"] = "Wejście do scenariusza",
        ["Runs.Kind.Action"] = "Akcja",
        ["Runs.Kind.Opened"] = "Otwarcie",
        ["Runs.Kind.Clicked"] = "Kliknięcie",
        ["Runs.Kind.OrderCredited"] = "Przypisane zamówienie",
        ["Runs.Kind.Waiting"] = "Oczekiwanie",
        ["Runs.Kind.Ended"] = "Zakończenie",
        ["Runs.End"] = "Zakończ ten przebieg",
        ["Runs.End.Hint"] = "Przebieg kończy się od razu: nic więcej nie zostanie wysłane, a oczekiwanie zostanie anulowane. Ponowne wejście do scenariusza będzie możliwe zgodnie z jego regułą ponownego wejścia.",
        ["Runs.End.Reason"] = "Powód",
        ["Runs.End.Reason.Hint"] = "Dlaczego kończysz przebieg; zostanie zapisany przy przebiegu jako część powodu zakończenia.",
        ["Runs.End.Ended"] = "Przebieg został zakończony.",
        ["Runs.End.NotFound"] = "Ten przebieg już nie istnieje.",
        ["Runs.End.AlreadyEnded"] = "Przebieg był już zakończony; nic nie zmieniono.",
        ["Runs.End.ChangedMeanwhile"] = "Przebieg przeszedł dalej w trakcie kończenia, więc nic nie zmieniono. Sprawdź oś czasu i spróbuj ponownie."
    });

    private static IReadOnlyDictionary<string, string> Prefixed(Dictionary<string, string> texts) =>
        texts.ToDictionary(pair => $"{CustomFlowsDefaults.LocalePrefix}.{pair.Key}", pair => pair.Value);
}
