package dev.wren.model.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wren.model.blocks.ModelSpec;
import dev.wren.model.data.FeatureLayout;
import dev.wren.model.data.NumericScaling;
import dev.wren.model.train.TrainingReport;

/**
 * The {@code bundle.json} of a model bundle.
 *
 * @param formatVersion bundle format, {@link ModelBundle#FORMAT_VERSION}
 * @param name model name
 * @param version bundle version within the model's folder
 * @param createdAt ISO-8601 instant
 * @param spec the model's architecture
 * @param layout the feature layout it was trained with
 * @param scaling numeric standardisation fitted on its training data
 * @param report what training did
 * @param metrics evaluation metrics as given at save time
 * @param trainingDataHash SHA-256 of the training samples
 * @param parametersSha256 SHA-256 of the parameters file
 */
public record BundleManifest(
        int formatVersion,
        String name,
        int version,
        String createdAt,
        ModelSpec spec,
        FeatureLayout layout,
        NumericScaling scaling,
        TrainingReport report,
        JsonNode metrics,
        String trainingDataHash,
        String parametersSha256) {}
