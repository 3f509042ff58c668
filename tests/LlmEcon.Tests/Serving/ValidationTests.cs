using LlmEcon.Catalog;
using LlmEcon.Serving;
using Xunit;

namespace LlmEcon.Tests.Serving;

/// <summary>The published measurements and how each is predicted.</summary>
public class ValidationTests
{
    [Fact]
    public void LittlesLaw_GivesTheConcurrency_FromThroughputAndTpot()
    {
        // vllm060-l31-8b-h100-lambda: 8,088.35 tokens/s at a median TPOT of 25.57 ms: 8,088.35 × 0.02557 = 206.8 → 207 sequences
        ServingMeasurement m = ServingValidation.BuiltIn.Single(x => x.Id == "vllm060-l31-8b-h100-lambda");
        ValidationCase c = ServingValidation.Run(LlmCatalog.BuiltIn, [m]).Single();
        Assert.Equal(207, c.Batch);
        Assert.Contains("Little's law", c.How, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedBatch_IsUsed_AndMetricPerChip_IsPerChip()
    {
        ServingMeasurement m = ServingValidation.BuiltIn.Single(x => x.Id == "trtllm061-llama-2-70b-h100x2-b1024-128-128");
        ValidationCase c = ServingValidation.Run(LlmCatalog.BuiltIn, [m]).Single();
        ServingPoint p = ServingModel.Evaluate(ServingSetups.ForModel(LlmCatalog.BuiltIn.Model("llama-2-70b"), LlmCatalog.BuiltIn.Accelerator("h100-sxm"), 2, Precision.Fp8,
            null, null, 1024, 128, 128, null));
        Assert.Equal(1024, c.Batch);
        Assert.Equal(p.TokensPerSecondPerChip, c.Predicted!.Value, 9);
        Assert.Equal((p.TokensPerSecondPerChip - 2657) / 2657, c.Error!.Value, 12);
    }

    [Fact]
    public void ExpertParallelRows_AndRowsWithoutLengths_AreNotCompared_AndSaySo()
    {
        var cases = ServingValidation.Run(LlmCatalog.BuiltIn, ServingValidation.BuiltIn);
        Assert.All(cases.Where(c => c.Measurement.Id.StartsWith("deepseek-prod", StringComparison.Ordinal)), c => Assert.Null(c.Predicted));
        Assert.All(cases.Where(c => c.Measurement.Id.StartsWith("mlperf", StringComparison.Ordinal)),
            c => Assert.Equal("not compared: the row publishes no input length (a dataset's mix)", c.How));
    }

    [Fact]
    public void Summary_MedianAndMean_ByHand()
    {
        // errors −10%, +20%, −40% in one group: |err| 10, 20, 40 → median 20, mean 23.33; within ±30%: 2
        ServingMeasurement m = ServingValidation.BuiltIn.First(x => x.Metric == "ttft");
        ValidationCase[] cases = [new(m, 0.9, -0.1, 1, ""), new(m, 1.2, 0.2, 1, ""), new(m, 0.6, -0.4, 1, ""), new(m, null, null, null, "not compared: x")];
        ValidationGroup g = ServingValidation.Summarize(cases).Single();
        Assert.Equal(3, g.Cases);
        Assert.Equal(20, g.MedianAbsolutePercentError, 9);
        Assert.Equal(70.0 / 3, g.MeanAbsolutePercentError, 9);
        Assert.Equal(2, g.WithinBand);
    }

    [Fact]
    public void MalformedFile_NamesTheLineAndColumn()
    {
        const string Header = "id,model,hardware,chips,precision,engine,batch,input_tokens,output_tokens,metric,value,unit,notes,source,date";
        var e = Assert.Throws<InputException>(() => ServingValidation.Read(Header + "\nx,llama-2-7b,h100-sxm,1,fp8,e,-3,1,1,ttft,5,ms,,s,2024\n", "m.csv"));
        Assert.Equal("m.csv line 2 column batch must be a whole number ≥ 1 or empty; got '-3'.", e.Message);
        e = Assert.Throws<InputException>(() => ServingValidation.Read(Header + "\nx,llama-2-7b,h100-sxm,1,fp8,e,,1,1,ttft,NaN,ms,,s,2024\n", "m.csv"));
        Assert.Equal("m.csv line 2 column value must be a finite number > 0; got 'NaN'.", e.Message);
    }
}
