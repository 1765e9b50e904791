using Beraterpool.Web.Features.Requests;

namespace Beraterpool.Tests.Requests;

public sealed class RequestWorkflowTests
{
    [Theory]
    [InlineData(RequestStatus.Submitted, RequestStatus.Intake)]
    [InlineData(RequestStatus.Submitted, RequestStatus.NeedsInformation)]
    [InlineData(RequestStatus.Submitted, RequestStatus.Declined)]
    [InlineData(RequestStatus.Submitted, RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.Intake, RequestStatus.Matching)]
    [InlineData(RequestStatus.NeedsInformation, RequestStatus.Intake)]
    [InlineData(RequestStatus.Matching, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Matching, RequestStatus.Intake)]
    [InlineData(RequestStatus.InProgress, RequestStatus.Completed)]
    public void CanMove_AllowedStep_IsTrue(RequestStatus from, RequestStatus to) =>
        Assert.True(RequestWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(RequestStatus.Submitted, RequestStatus.Completed)]
    [InlineData(RequestStatus.Submitted, RequestStatus.Matching)]
    [InlineData(RequestStatus.Submitted, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Intake, RequestStatus.Completed)]
    [InlineData(RequestStatus.InProgress, RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.InProgress, RequestStatus.Declined)]
    [InlineData(RequestStatus.Declined, RequestStatus.Intake)]
    [InlineData(RequestStatus.Withdrawn, RequestStatus.Submitted)]
    [InlineData(RequestStatus.Completed, RequestStatus.InProgress)]
    [InlineData(RequestStatus.Intake, RequestStatus.Intake)]
    public void CanMove_RefusedStep_IsFalse(RequestStatus from, RequestStatus to) =>
        Assert.False(RequestWorkflow.CanMove(from, to));

    [Fact]
    public void Final_states_have_no_next_step_and_cannot_be_withdrawn()
    {
        foreach (var s in new[] { RequestStatus.Completed, RequestStatus.Declined, RequestStatus.Withdrawn })
        {
            Assert.True(RequestWorkflow.IsFinal(s));
            Assert.Empty(RequestWorkflow.Next(s));
            Assert.False(RequestWorkflow.CanWithdraw(s));
        }
        Assert.False(RequestWorkflow.IsFinal(RequestStatus.Submitted));
    }

    [Fact]
    public void Only_requests_not_yet_in_progress_count_as_open()
    {
        Assert.Equal([RequestStatus.Submitted, RequestStatus.Intake, RequestStatus.Matching, RequestStatus.NeedsInformation],
            Enum.GetValues<RequestStatus>().Where(RequestWorkflow.IsOpen));
        Assert.Equal(RequestWorkflow.OpenStatuses.Order(), Enum.GetValues<RequestStatus>().Where(RequestWorkflow.IsOpen).Order());
    }

    [Fact]
    public void Declining_and_asking_for_information_need_a_reason()
    {
        Assert.True(RequestWorkflow.NeedsReason(RequestStatus.Declined));
        Assert.True(RequestWorkflow.NeedsReason(RequestStatus.NeedsInformation));
        Assert.False(RequestWorkflow.NeedsReason(RequestStatus.Intake));
    }

    [Theory]
    [InlineData("3,5", 7)]
    [InlineData("3.5", 7)]
    [InlineData("2", 4)]
    [InlineData("0,5", 1)]
    [InlineData("50", 100)]
    [InlineData("3,25", null)]
    [InlineData("0", null)]
    [InlineData("51", null)]
    [InlineData("drei", null)]
    public void Expected_days_parse_in_half_day_steps(string input, int? halfDays) =>
        Assert.Equal(halfDays, Web.Features.Requests.Manage.IntakeModel.ParseHalfDays(input));
}
