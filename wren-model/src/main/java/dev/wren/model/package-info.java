/**
 * Wren's ranking layer: models as DJL blocks over one shared {@link dev.wren.model.data.FeatureLayout}, their
 * training, evaluation, versioned bundles and a concurrent scorer for serving.
 *
 * <p>Devices: CPU by default. Set {@code TrainConfig.device} to {@code "auto"} to use a GPU when DJL's engine sees
 * one; the CUDA build needs the {@code pytorch-native-cu*} artifact in place of {@code pytorch-native-cpu}. Run with
 * {@code -Dai.djl.offline=true} so a wrong native version fails at once rather than attempting a download; the first
 * run unpacks the PyTorch libraries (~430 MB) to {@code DJL_CACHE_DIR} (default {@code ~/.djl.ai}).
 */
package dev.wren.model;
