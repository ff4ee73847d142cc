//go:build !amd64

package perceptron

type denseVersion struct {
	name string
	add  func(scores, d []float32)
}

func denseVersions() []denseVersion { return []denseVersion{{"go", addDense}} }
