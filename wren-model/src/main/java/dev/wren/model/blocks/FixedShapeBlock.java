package dev.wren.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * A block whose parameter shapes are fixed when it is constructed (they follow from the layout and the spec), so
 * children are initialised without shape propagation. Output shapes are reported as (batch, {@link #outputWidth()}).
 */
abstract class FixedShapeBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    FixedShapeBlock() {
        super(VERSION);
    }

    /** Width of the block's first output. */
    abstract long outputWidth();

    final Parameter parameter(String name, Shape shape, Initializer initializer) {
        return addParameter(Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(initializer)
                .build());
    }

    static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : children.values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes.length == 0 ? 1 : inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, outputWidth())};
    }
}
